namespace System.Collections
{
    // The compiler needs these for `foreach`, even over arrays (which it lowers to
    // an index loop).
    public interface IEnumerable { IEnumerator GetEnumerator(); }

    public interface IEnumerator
    {
        bool MoveNext();
        object? Current { get; }
    }
}

namespace System.Collections.Generic
{
    public interface IEnumerable<out T> : IEnumerable { new IEnumerator<T> GetEnumerator(); }

    public interface IEnumerator<out T> : IEnumerator, IDisposable { new T Current { get; } }
}
