package storage

import (
	"errors"
	"os"
	"path/filepath"
)

// systemDataDir is %ProgramData%\CallTally, shared by the service and the
// desktop app.
func systemDataDir() (string, error) {
	pd := os.Getenv("ProgramData")
	if pd == "" {
		return "", errors.New("%ProgramData% is not set")
	}
	return filepath.Join(pd, "CallTally"), nil
}
