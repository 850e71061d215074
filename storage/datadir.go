package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// DataDirEnv names the environment variable that overrides the data
// directory, as --data does.
const DataDirEnv = "CALLTALLY_DATA"

// DataDir returns the data directory to use: flag if set, else
// $CALLTALLY_DATA, else the operating system's place for it
// (%ProgramData%\CallTally, $XDG_DATA_HOME/calltally,
// ~/Library/Application Support/CallTally).
func DataDir(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if env := os.Getenv(DataDirEnv); env != "" {
		return filepath.Abs(env)
	}
	dir, err := systemDataDir()
	if err != nil {
		return "", fmt.Errorf("find data directory (set --data or %s): %w", DataDirEnv, err)
	}
	return dir, nil
}

// ensureDir creates dir if needed and checks that files can be created in
// it, so that an unwritable directory is reported as such and not as an
// obscure SQLite error later.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("data directory %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".write-test-*")
	if err != nil {
		return fmt.Errorf("data directory %s is not writable: %w", dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// DemoDataDir is where `calltally demo` keeps its data when not told
// otherwise: beside the production directory, never inside it.
func DemoDataDir() (string, error) {
	dir, err := systemDataDir()
	if err != nil {
		return "", fmt.Errorf("find demo data directory (set --data): %w", err)
	}
	return dir + "-demo", nil
}
