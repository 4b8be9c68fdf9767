// The system tests boot QEMU and use Linux tools: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
