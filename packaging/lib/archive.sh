# The class archive a command line starts from (installed as /usr/lib/kindling/archive.sh; both
# launchers source it at every start, and the training run (packaging/training-run.sh) names each
# training command's class list after the archive it goes into, so the two cannot disagree).
#
# A JDK 25 archive loads and links every class it holds as the JVM starts (about 7 µs each here),
# so a command starts fastest from an archive of its own classes alone (bench/startup.sh):
#   kindling-validate.jsa    validate
#   kindling-run-local.jsa   run from local sources only (a file, a config drive, Azure's waagent
#                            directory, a VMware OVF environment file): no HTTP client, no TLS
#   kindling-run.jsa         every other run (metadata services, URLs, --auto, --oem)
#   kindling.jsa             every other command
# A run whose user data fetches over HTTP after all (#include, SSH keys from a URL) still works:
# the classes the archive lacks are loaded from the jar, which only costs time.

# kindling_archive COMMAND [ARGS...]: sets $archive to the file name of the archive for that
# command line. The coreos-cloudinit launcher, which applies user data as run does, asks for
# "run" with its own flags (-from-file=PATH, --from-file PATH, -oem NAME, ...). Plain sh: no
# process is started.
kindling_archive() {
  archive=kindling.jsa
  case "${1:-}" in
    validate) archive=kindling-validate.jsa ;;
    run)
      archive=kindling-run-local.jsa
      for arg in "$@"; do
        case $arg in
          --*) option=${arg#--} ;;
          -*) option=${arg#-} ;;
          *) continue ;;
        esac
        case $option in
          from-file | from-file=* | from-configdrive | from-configdrive=* | \
            from-waagent | from-waagent=* | from-vmware-ovf-env | from-vmware-ovf-env=*) ;;
          from-* | auto | auto=* | oem | oem=*) archive=kindling-run.jsa ;;
        esac
      done
      ;;
  esac
}
