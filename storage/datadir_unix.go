//go:build !windows && !darwin

package storage

import (
	"os"
	"path/filepath"
)

// systemDataDir follows the XDG base directory spec; a service running as
// root without XDG_DATA_HOME gets /var/lib/calltally.
func systemDataDir() (string, error) {
	if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "calltally"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || os.Geteuid() == 0 && os.Getenv("HOME") == "" {
		return "/var/lib/calltally", nil
	}
	return filepath.Join(home, ".local", "share", "calltally"), nil
}
