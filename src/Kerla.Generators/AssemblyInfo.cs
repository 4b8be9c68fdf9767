[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Kerla.Generators.Tests")]
