namespace System
{
    // Delegates as ilc constructs them: the compiler calls the Initialize* methods
    // by name and reads these four fields (names are part of the contract).
    public abstract class Delegate
    {
#pragma warning disable CS0649, CS0169
        private object? _firstParameter;
        private object? _helperObject;
        private nint _extraFunctionPointerOrData;
        private nint _functionPointer;
#pragma warning restore CS0649, CS0169

        // ilc overrides this in each delegate type to hand out its invoke thunks.
        private protected virtual nint GetThunk(int whichThunk) => 0;

        private void InitializeClosedInstance(object firstParameter, nint functionPointer)
        {
            if (firstParameter is null) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, nint functionPointer) =>
            InitializeClosedInstance(firstParameter, functionPointer);

        private void InitializeClosedInstanceWithoutNullCheck(object firstParameter, nint functionPointer)
        {
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private unsafe void InitializeClosedInstanceToInterface(object firstParameter, nint dispatchCell)
        {
            if (firstParameter is null) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
            _functionPointer = ResolveInterfaceMethod(firstParameter, dispatchCell);
            _firstParameter = firstParameter;
        }

        private void InitializeClosedStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }

        private void InitializeOpenStaticThunk(object _, nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        [System.Runtime.RuntimeImport("*", "RhpResolveInterfaceMethod")]
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        private static extern nint ResolveInterfaceMethod(object? receiver, nint dispatchCell);

        public object? Target => ReferenceEquals(_firstParameter, this) ? _helperObject : _firstParameter;
    }

    public abstract class MulticastDelegate : Delegate { }

    public delegate void Action();
    public delegate void Action<in T>(T obj);
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
    public delegate TResult Func<out TResult>();
    public delegate TResult Func<in T, out TResult>(T arg);
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
    public delegate bool Predicate<in T>(T obj);
    public delegate int Comparison<in T>(T x, T y);
}
