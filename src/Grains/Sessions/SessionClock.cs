namespace Skriptoteket.Grains.Sessions;

/// <summary>
/// The clock of session expiry (the session grains and the retention sweep's session part), a keyed
/// <see cref="TimeProvider"/> of its own: tests move session time with a fake clock without moving the timers and
/// reminders Orleans runs on the silo's clock.
/// </summary>
public static class SessionClock
{
    public const string Key = "sessions";
}
