// Package packaging will hold what installs CallTally on Windows, Linux and
// macOS: the desktop app packages built with the fyne tool, and the
// collector service definitions (Windows service, systemd unit, launchd
// daemon) installed through kardianos/service.
package packaging
