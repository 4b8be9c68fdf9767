using System;

namespace Kerla.Kernel.SelfTest
{
    // In-kernel tests (kerla.test=selftest): the runtime and language features the
    // kernel relies on, checked on the real target, where ilc and our core library
    // (not the BCL) run them. Prints one line per test and a summary, which the
    // system tests read.
    public static class SelfTests
    {
        private static int s_checks;
        private static int s_checkFailures;
        private static Test[] s_extra = new Test[0];

        // Tests from other packages (Kerla.Arch.X64 adds the ones that need unsafe code).
        public static void Add(Test[] tests) => s_extra = Concat(s_extra, tests);

        public static int Run(Platform platform)
        {
            int passed = 0, failed = 0;
            Test[] all = Concat(Concat(Concat(LanguageTests.All(), s_extra), MemoryTests.All(platform)), SyscallTests.All());

            for (int i = 0; i < all.Length; i++)
            {
                s_checkFailures = 0;
                all[i].Body();
                bool ok = s_checkFailures == 0;
                if (ok) passed++; else failed++;
                Log.Info(string.Concat("selftest: ", all[i].Name, ok ? " ok" : " FAILED"));
            }
            Log.Info(string.Concat("selftest: ", passed.ToString(), " passed, ", failed.ToString(), " failed (",
                s_checks.ToString(), " checks)"));
            return failed;
        }

        private static Test[] Concat(Test[] a, Test[] b)
        {
            Test[] all = new Test[a.Length + b.Length];
            Array.Copy(a, all, a.Length);
            Array.Copy(b, 0, all, a.Length, b.Length);
            return all;
        }

        // Records one expectation; a failure names what was expected.
        public static void Check(bool condition, string what)
        {
            s_checks++;
            if (condition) return;
            s_checkFailures++;
            Log.Error(string.Concat("selftest:   expected ", what));
        }

        public static void Equal(long expected, long actual, string what)
        {
            s_checks++;
            if (expected == actual) return;
            s_checkFailures++;
            Log.Error(string.Concat("selftest:   ", what, ": expected ", expected.ToString(), ", got ", actual.ToString()));
        }

        public static void Equal(string expected, string? actual, string what)
        {
            s_checks++;
            if (expected == actual) return;
            s_checkFailures++;
            Log.Error(string.Concat("selftest:   ", what, ": expected \"", expected, "\", got \"", actual ?? "(null)", "\""));
        }
    }

    public sealed class Test
    {
        public Test(string name, Action body)
        {
            Name = name;
            Body = body;
        }

        public string Name { get; }
        public Action Body { get; }
    }
}
