#!/bin/bash
# Runs INSIDE the freshly bootstrapped rootfs (chroot) as mmdebstrap's customize hook.
# Every change here is part of the image cache key (see build-image.sh).
set -euo pipefail

# Identity. /etc/machine-id stays EMPTY (mmdebstrap's cleanup empties it too and removes
# /var/lib/dbus/machine-id; dbus then reads /etc/machine-id): systemd makes a transient id at
# every boot (nspawn and VM alike) and does not treat the boot as a "first boot"
# (ConditionFirstBoot= false, no preset-all, so etcd stays disabled). A VM scenario that needs
# a first boot writes "uninitialized" into its per-run copy.
echo kindling-e2e >/etc/hostname
cat >/etc/hosts <<'HOSTS'
127.0.0.1	localhost
127.0.1.1	kindling-e2e
169.254.169.254	metadata.google.internal
::1	localhost ip6-localhost ip6-loopback
HOSTS
: >/etc/machine-id
echo 'LABEL=e2eroot / ext4 rw,errors=remount-ro 0 1' >/etc/fstab
passwd -d root >/dev/null

# The user Container Linux ships and cloud-config's top-level ssh_authorized_keys are for; no
# password, key login only (its keys come from the configs under test).
useradd --create-home --shell /bin/bash --comment "CoreOS Admin" core
mkdir -p /etc/ssh/sshd_config.d
printf 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nUseDNS no\n' \
  >/etc/ssh/sshd_config.d/kindling-e2e.conf

# A small initrd for qemu: the cloud kernel has virtio_blk/virtio_pci as modules.
echo 'MODULES=list' >/etc/initramfs-tools/conf.d/kindling-e2e.conf
printf '%s\n' virtio_pci virtio_blk virtio_net ext4 >>/etc/initramfs-tools/modules
update-initramfs -u -k all >/dev/null

# Network (VM): systemd-networkd, addresses from ip= on the kernel command line through
# systemd-network-generator, DHCP as fallback on eth0 (slirp).
systemctl enable systemd-networkd.service systemd-network-generator.service >/dev/null 2>&1
cat >/etc/systemd/network/99-eth0-dhcp.network <<'NET'
[Match]
Name=eth0

[Network]
DHCP=ipv4
NET

# etcd is disabled: the agent under test must start it. Debian's unit has
# Alias=etcd2.service, but alias links are only made by enable, so link it by hand
# (cloud-configs name etcd2.service).
systemctl disable etcd.service >/dev/null 2>&1 || true
ln -sf /lib/systemd/system/etcd.service /etc/systemd/system/etcd2.service

# Nothing in the background that costs boot time or waits for a network we do not have.
systemctl mask systemd-networkd-wait-online.service apt-daily.timer apt-daily-upgrade.timer \
  e2scrub_all.timer e2scrub_reap.service fstrim.timer >/dev/null 2>&1

# Debugging a VM: root autologin on the serial console; a persistent journal that the
# harness reads back from the disk image after poweroff.
mkdir -p /etc/systemd/system/serial-getty@ttyS0.service.d
cat >/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf <<'GETTY'
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --keep-baud 115200,57600,38400,9600 %I $TERM
GETTY
mkdir -p /var/log/journal

apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
