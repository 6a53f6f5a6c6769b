package dev.kindling.plan;

/**
 * One effect of a plan, in the order {@code run} performs it. The applier handles every permitted
 * type; a test applies one sample of each so a new type cannot be forgotten.
 */
public sealed interface Action
    permits SetHostname,
        AuthorizeSshKeys,
        ImportSshKeys,
        CreateUser,
        WriteFile,
        MergeEnvironmentFile,
        MergeUpdateConf,
        WriteEtcHosts,
        PlaceUnit,
        PlaceDropIn,
        MaskUnit,
        UnmaskUnit,
        EnableUnit,
        DaemonReload,
        LoadKernelModule,
        UnitCommand,
        RunScript,
        RunCommand,
        RejectedItem {

  /** The kebab-case type name used in the JSON plan and the run report. */
  String type();

  /** A one-line description without secrets, for logs and the text plan. */
  String describe();
}
