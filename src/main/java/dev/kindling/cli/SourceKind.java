package dev.kindling.cli;

/**
 * Every datasource a user can name, in the order that breaks ties between sources that become
 * available at the same moment: coreos-cloudinit's order, with the OpenStack metadata service (new
 * in Kindling) after GCE.
 */
enum SourceKind {
  FILE("local-file", "--from-file"),
  URL("url", "--from-url"),
  CONFIGDRIVE("configdrive", "--from-configdrive"),
  EC2("ec2-metadata", "--from-ec2-metadata"),
  GCE("gce-metadata", "--from-gce-metadata"),
  OPENSTACK("openstack-metadata", "--from-openstack-metadata"),
  CLOUDSIGMA("cloudsigma-metadata", "--from-cloudsigma-metadata"),
  DIGITALOCEAN("digitalocean-metadata", "--from-digitalocean-metadata"),
  WAAGENT("waagent", "--from-waagent"),
  PACKET("packet-metadata", "--from-packet-metadata"),
  PROC_CMDLINE("proc-cmdline", "--from-proc-cmdline"),
  VMWARE_GUESTINFO("vmware-guestinfo", "--from-vmware-guestinfo");

  private final String type;
  private final String flag;

  SourceKind(String type, String flag) {
    this.type = type;
    this.flag = flag;
  }

  /** The datasource type name ({@code Datasource.type()}). */
  String type() {
    return type;
  }

  /** The command-line option. */
  String flag() {
    return flag;
  }

  /** Whether the value is a URL (checked as http/https at parse time). */
  boolean takesUrl() {
    return this == URL
        || this == EC2
        || this == GCE
        || this == OPENSTACK
        || this == DIGITALOCEAN
        || this == PACKET;
  }
}
