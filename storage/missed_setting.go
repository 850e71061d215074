package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// VoicemailMissedSetting is the installation-wide setting that counts
// inbound calls only voicemail took as missed: "true" or "false" (the
// default: a caller who left a message was answered). The app reads it
// with VoicemailMissed into CallFilter.VoicemailMissed.
const VoicemailMissedSetting = "voicemail_missed"

// VoicemailMissed reports whether calls only voicemail took count as missed.
func (s *Store) VoicemailMissed(ctx context.Context) (bool, error) {
	var v string
	err := s.master.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", VoicemailMissedSetting).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("setting %s: %w", VoicemailMissedSetting, err)
	}
	missed, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("setting %s=%q: want true or false", VoicemailMissedSetting, v)
	}
	return missed, nil
}
