using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Kerla.Generators
{
    // An immutable array compared by its elements, so generator models stay
    // equatable and unchanged inputs are cached.
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T> where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items) { _items = items; }

        public int Length => _items?.Length ?? 0;
        public T this[int index] => _items![index];

        public bool Equals(EquatableArray<T> other)
        {
            if (Length != other.Length) return false;
            for (int i = 0; i < Length; i++)
                if (!_items![i].Equals(other._items![i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            for (int i = 0; i < Length; i++) hash = hash * 31 + _items![i].GetHashCode();
            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> From<T>(IEnumerable<T> items) where T : IEquatable<T> => new EquatableArray<T>(items is T[] a ? a : new List<T>(items).ToArray());
    }
}

namespace System.Runtime.CompilerServices
{
    // Records on netstandard2.0.
    internal static class IsExternalInit { }
}
