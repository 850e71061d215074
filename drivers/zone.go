package drivers

import (
	"fmt"
	"time"
)

// LoadZone returns the IANA zone called name ("Europe/Berlin"), or the
// machine's zone when name is empty or "Local".
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %w", name, err)
	}
	return loc, nil
}
