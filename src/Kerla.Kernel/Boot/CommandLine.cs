using System;

namespace Kerla.Kernel.Boot
{
    // The kernel command line, split as Linux splits it (kernel-parameters.txt):
    // words separated by spaces, `name=value` or a bare `name`, double quotes
    // around a value that contains spaces, and everything after `--` left for init.
    public sealed class CommandLine
    {
        private readonly string[] _names;
        private readonly string?[] _values;

        public CommandLine(string text)
        {
            Text = text;
            int count = 0;
            string[] names = new string[8];
            string?[] values = new string?[8];
            string[] initArgs = new string[0];
            int pos = 0;
            while (true)
            {
                while (pos < text.Length && IsSpace(text[pos])) pos++;
                if (pos >= text.Length) break;
                int start = pos;
                bool quoted = false;
                while (pos < text.Length && (quoted || !IsSpace(text[pos])))
                {
                    if (text[pos] == '"') quoted = !quoted;
                    pos++;
                }
                string word = Unquote(text.Substring(start, pos - start));
                if (word == "--")
                {
                    initArgs = SplitRest(text, pos);
                    break;
                }
                int equals = word.IndexOf('=');
                if (count == names.Length)
                {
                    Array.Resize(ref names, count * 2);
                    Array.Resize(ref values, count * 2);
                }
                names[count] = equals < 0 ? word : word.Substring(0, equals);
                values[count] = equals < 0 ? null : word.Substring(equals + 1);
                count++;
            }
            _names = names;
            _values = values;
            Count = count;
            InitArguments = initArgs;
        }

        public string Text { get; }

        public int Count { get; }

        // Words after `--`: passed to init as its arguments.
        public string[] InitArguments { get; }

        public string Name(int index) => _names[index];

        public string? Value(int index) => _values[index];

        // The last value given for `name` (later ones override earlier ones), or null.
        public string? Get(string name)
        {
            for (int i = Count - 1; i >= 0; i--)
                if (_names[i] == name) return _values[i] ?? "";
            return null;
        }

        public bool Has(string name) => Get(name) is not null;

        public int GetInt(string name, int fallback)
        {
            string? value = Get(name);
            if (value is null || value.Length == 0) return fallback;
            int result = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < '0' || c > '9' || result > 100000000) return fallback;
                result = result * 10 + (c - '0');
            }
            return result;
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\n';

        // Linux drops the quotes: `init="/bin/sh"` and `"init=/bin/sh"` both mean init=/bin/sh.
        private static string Unquote(string word)
        {
            if (word.IndexOf('"') < 0) return word;
            Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
            int length = 0;
            for (int i = 0; i < word.Length; i++)
                if (word[i] != '"') buffer[length++] = word[i];
            return new string(buffer.Slice(0, length));
        }

        private static string[] SplitRest(string text, int pos)
        {
            var rest = new CommandLine(text.Substring(pos));
            string[] words = new string[rest.Count];
            for (int i = 0; i < rest.Count; i++)
                words[i] = rest.Value(i) is null ? rest.Name(i) : rest.Name(i) + "=" + rest.Value(i);
            return words;
        }
    }
}
