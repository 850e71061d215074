package storage

import (
	"os"
	"path/filepath"
)

func systemDataDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Library", "Application Support", "CallTally"), nil
}
