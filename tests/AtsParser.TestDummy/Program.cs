// A dummy child process for ProcessRunner tests: sleep, exit with a code, flood stderr/stdout, spawn a grandchild, echo its arguments.
var mode = args.Length > 0 ? args[0] : "ok";
switch (mode)
{
    case "sleep":
        Thread.Sleep(TimeSpan.FromSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
        Console.WriteLine("woke");
        return 0;
    case "exit":
        Console.Error.WriteLine("failing on purpose");
        return int.Parse(args[1]);
    case "flood-stderr":
        var line = new string('e', 1000);
        for (int i = 0; i < int.Parse(args[1]); i++) Console.Error.WriteLine(line);
        return 0;
    case "flood-stderr-then-fail":
        var noise = new string('n', 1000);
        for (int i = 0; i < int.Parse(args[1]); i++) Console.Error.WriteLine(noise);
        Console.Error.WriteLine("the real error comes last");
        return 2;
    case "flood-stdout":
        var o = new string('o', 1000);
        for (int i = 0; i < int.Parse(args[1]); i++) Console.Out.WriteLine(o);
        return 0;
    case "spawn-sleeper":
        // A grandchild that would outlive us unless the whole tree is killed.
        var psi = new System.Diagnostics.ProcessStartInfo("sleep", args[1]) { UseShellExecute = false };
        var child = System.Diagnostics.Process.Start(psi)!;
        Console.WriteLine(child.Id);
        Console.Out.Flush();
        child.WaitForExit();
        return 0;
    case "echo-args":
        foreach (var a in args.Skip(1)) Console.WriteLine(a);
        return 0;
    case "env":
        Console.WriteLine(Environment.GetEnvironmentVariable(args[1]) ?? "");
        return 0;
    default:
        Console.WriteLine("ok");
        return 0;
}
