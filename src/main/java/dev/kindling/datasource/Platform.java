package dev.kindling.datasource;

import java.util.Locale;
import java.util.Set;

/**
 * The cloud a machine runs on, as far as its DMI (SMBIOS) strings tell; {@code --auto} uses it to
 * skip sources that cannot exist here. The rules follow cloud-init's ds-identify and Afterburn.
 */
public enum Platform {
  EC2,
  GCE,
  OPENSTACK,
  DIGITALOCEAN,
  AZURE,
  VMWARE,
  CLOUDSIGMA,
  /** Nothing recognised: no network metadata service is assumed. */
  UNKNOWN;

  /** OpenStack clouds that tag the chassis instead of the product name (cloud-init's list). */
  private static final Set<String> OPENSTACK_TAGS =
      Set.of(
          "openstack nova",
          "openstack compute",
          "huaweicloud",
          "opentelekomcloud",
          "sap ccloud vm",
          "samsung cloud platform");

  /** Azure's fixed chassis asset tag. */
  static final String AZURE_TAG = "7783-7084-3265-9085-8269-3286-77";

  /** The platform that {@code dmi} indicates. */
  public static Platform of(DmiInfo dmi) {
    String vendor = dmi.sysVendor().toLowerCase(Locale.ROOT);
    String product = dmi.productName().toLowerCase(Locale.ROOT);
    String tag = dmi.chassisAssetTag().toLowerCase(Locale.ROOT);
    if (vendor.equals("amazon ec2")
        || product.startsWith("amazon ec2")
        || tag.equals("amazon ec2")) {
      return EC2;
    }
    if (product.equals("google compute engine") || vendor.equals("google")) {
      return GCE;
    }
    if (product.equals("openstack nova")
        || product.equals("openstack compute")
        || OPENSTACK_TAGS.contains(tag)) {
      return OPENSTACK;
    }
    if (vendor.equals("digitalocean")) {
      return DIGITALOCEAN;
    }
    if (tag.equals(AZURE_TAG)) {
      return AZURE;
    }
    if (vendor.startsWith("vmware") || product.startsWith("vmware")) {
      return VMWARE;
    }
    if (product.startsWith("cloudsigma")) {
      return CLOUDSIGMA;
    }
    return UNKNOWN;
  }
}
