#!/usr/bin/env bash
# Prints "kvm" when KVM really works here (a guest actually boots), else "tcg". E2E_ACCEL forces one.
# On this machine kind /dev/kvm is PVM-backed and unusable with stock kernels: the answer is tcg.
set -u
if [ -n "${E2E_ACCEL:-}" ]; then echo "$E2E_ACCEL"; exit 0; fi
if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ] || ! grep -qwE 'vmx|svm' /proc/cpuinfo \
  || [ -e /sys/module/kvm_pvm ]; then
  echo tcg; exit 0
fi
kernel=${1:-}
if [ -n "$kernel" ] && timeout 10 qemu-system-x86_64 -accel kvm -cpu host -m 256 -nodefaults \
  -no-user-config -display none -no-reboot -serial stdio -kernel "$kernel" \
  -append "console=ttyS0 panic=-1" 2>/dev/null | grep -q "Kernel panic"; then
  echo kvm
else
  echo tcg
fi
