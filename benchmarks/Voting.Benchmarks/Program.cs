using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Voting.Benchmarks.Documents).Assembly).Run(args);
