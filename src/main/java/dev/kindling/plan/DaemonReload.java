package dev.kindling.plan;

/** Make systemd reload its unit files ({@code Manager.Reload}). */
public record DaemonReload() implements Action {
  @Override
  public String type() {
    return "daemon-reload";
  }

  @Override
  public String describe() {
    return "reload systemd units";
  }
}
