namespace Kerla.Kernel.Syscalls
{
    // reboot(2): power off, restart or halt the machine (`poweroff -f`,
    // `reboot -f`). Only with the magic numbers, and only for root.
    public static class Reboot
    {
        private const uint Magic1 = 0xfee1dead;
        private const uint Magic2 = 672274793, Magic2A = 85072278, Magic2B = 369367448, Magic2C = 537993216;
        public const uint CMD_RESTART = 0x01234567, CMD_HALT = 0xcdef0123, CMD_CAD_ON = 0x89abcdef, CMD_CAD_OFF = 0, CMD_POWER_OFF = 0x4321fedc;

        [Syscall(SyscallNumber.Reboot)]
        public static SyscallResult Handle(uint magic1, uint magic2, uint cmd, UserPtr<byte> arg)
        {
            if (magic1 != Magic1 || (magic2 != Magic2 && magic2 != Magic2A && magic2 != Magic2B && magic2 != Magic2C)) return Errno.EINVAL;
            if (Process.UserProcess.Current is { } p && !p.Credentials.IsPrivileged) return Errno.EPERM;
            Platform platform = KernelHost.Platform;
            switch (cmd)
            {
                case CMD_CAD_ON:
                case CMD_CAD_OFF:
                    return 0; // Ctrl-Alt-Del does not reach a serial console
                case CMD_POWER_OFF:
                    Log.Notice("reboot: Power down");
                    platform.PowerOff(0);
                    platform.Halt();
                    return 0;
                case CMD_RESTART:
                    Log.Notice("reboot: Restarting system");
                    platform.Restart();
                    platform.Halt();
                    return 0;
                case CMD_HALT:
                    Log.Notice("reboot: System halted");
                    platform.Halt();
                    return 0;
                default:
                    return Errno.EINVAL;
            }
        }
    }
}
