package cli

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

// open starts the PBX's side of the driver's session protocol on conn, if
// it has one, and returns where records go.
func (s *simulation) open(conn net.Conn) (io.Writer, error) {
	if s.drv.Play == nil {
		return conn, nil
	}
	w, err := s.drv.Play(conn)
	if err != nil {
		return nil, fmt.Errorf("%s session: %w", s.drv.ID, err)
	}
	return w, nil
}

func (s *simulation) framed(records []byte) []byte {
	if s.frame == nil {
		return records
	}
	return s.frame(records)
}

// syslogFrames sends each record line as an RFC 5424 message with
// octet-counting TCP framing (RFC 6587), as a gateway's `logging host …
// transport tcp` does.
func syslogFrames(records []byte) []byte {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "-"
	}
	stamp := time.Now().UTC().Format(time.RFC3339)
	var out bytes.Buffer
	for line := range bytes.Lines(records) {
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			continue
		}
		msg := fmt.Sprintf("<190>1 %s %s calltally - - - %s", stamp, host, line)
		fmt.Fprintf(&out, "%d %s", len(msg), msg)
	}
	return out.Bytes()
}
