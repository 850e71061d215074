package drivers

import (
	"errors"
	"testing"
	"time"
)

func TestReadSettings(t *testing.T) {
	read := func(s map[string]string) (string, error) { return s["k"], nil }
	if _, err := ReadSettings(Config{Settings: map[string]string{"k": "v"}}, read); !errors.Is(err, ErrNoZone) {
		t.Errorf("without a zone: error %v, want ErrNoZone", err)
	}
	got, err := ReadSettings(Config{Location: time.UTC, Settings: map[string]string{"k": "v"}}, read)
	if err != nil || got != "v" {
		t.Errorf("got %q, %v; want the settings read", got, err)
	}
}
