// Package drivers defines the call every PBX driver produces and the
// registry the drivers add themselves to, as database/sql drivers do.
//
// A driver lives in its own sub-package (drivers/avayaipo, …), calls
// Register from init, and is linked into the program by one import line in
// drivers/all.
package drivers

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Transport is a way records travel from a PBX to the collector.
type Transport string

const (
	TCPListen   Transport = "tcp-listen"   // the PBX connects to us and pushes records
	TCPDial     Transport = "tcp-dial"     // we connect to the PBX and read
	SFTP        Transport = "sftp"         // we poll files on the PBX's SSH server
	Folder      Transport = "folder"       // we poll files in a local or network folder
	SFTPReceive Transport = "sftp-receive" // the PBX uploads files to our SFTP server
	Syslog      Transport = "syslog"       // the PBX sends syslog messages
)

// A Setting is one option of a driver that the site sets to match what its
// PBX is configured to send.
type Setting struct {
	Name    string
	Default string
	Values  []string // the allowed values; empty allows any text
	Help    string
}

// Config is what a parser is opened with.
type Config struct {
	// Location is the site's time zone: formats that write UTC are
	// converted to it, formats that write wall-clock time are read in it.
	Location *time.Location
	// Attribution picks the answerer inbound calls are counted against.
	Attribution Attribution
	// Settings holds every declared setting of the driver, defaults filled.
	Settings map[string]string
}

// A Parser turns a PBX's records, in arrival order, into calls. Parsers may
// keep state between records (headers, open multi-record calls); one
// Parser reads one stream and is not safe for concurrent use.
type Parser interface {
	// Parse reads one record and returns the calls it completes: none while
	// a multi-record call waits for its last record, and possibly calls
	// older records left open too long. A non-nil error says why rec itself
	// could not be read (wrapping ErrNotCall when it is no call at all);
	// calls returned with it are still valid.
	Parse(rec Record) ([]Call, error)
	// Flush returns, as Partial calls, everything still open; for the end
	// of an input that will not continue.
	Flush() []Call
}

// A Driver describes one PBX family's output format.
type Driver struct {
	ID         string // as used on the command line and in the database, e.g. "avaya-ipo"
	Name       string // for people, e.g. "Avaya IP Office (SMDR)"
	Transports []Transport
	Settings   []Setting
	// Split frames the byte stream into records; nil means one per line.
	Split bufio.SplitFunc
	// New opens a parser; cfg.Settings has been checked against Settings.
	New func(cfg Config) (Parser, error)
	// Session, when set, speaks the format's session protocol on a TCP
	// connection (login, acknowledgements, keep-alives): it returns the
	// bare record stream, framed by Split, answering the peer through rw
	// as the protocol requires. dialled is true when we connected to the
	// PBX (tcp-dial), false when it connected to us. nil for formats that
	// just stream records.
	Session func(rw io.ReadWriter, dialled bool) io.Reader
	// Play is Session's other side, for the simulator playing the PBX on
	// a connection the collector opened: after the PBX's side of the
	// handshake it returns the writer the simulator writes records to (as
	// Encode made them), which frames them as the PBX does, while Play
	// answers or demands the protocol's keep-alives on conn until it
	// closes. nil for formats that just stream records.
	Play func(conn io.ReadWriteCloser) (io.Writer, error)
	// OneClient says the PBX's port serves one client at a time and
	// refuses others while it is taken (OXE's real-time ticket port).
	OneClient bool
	// Variants are settings besides the defaults under which detection
	// tries the driver: the other record formats or editions a site may
	// have chosen (CM's printer format, OXE's older ticket edition).
	Variants []map[string]string
	// Encode writes c as the PBX would have sent it, for the simulator
	// and the demo; nil when the driver cannot. Trunks in c are line
	// numbers ("1", "2", …) that Encode renders in the format's notation.
	Encode func(w io.Writer, c *Call) error
	// Preamble, when set, reports records that set up the parser rather
	// than carry calls (CUCM's field-name and type lines): every file
	// repeats them, so they are passed to the parser again even where
	// they are already stored or lie before the point a file resumes
	// from. Their calls, if any, are ignored.
	Preamble func(text string) bool
	// Header writes what the PBX sends at the start of every file or
	// connection before its first record (CUCM's field-name and type
	// lines), for the simulator; nil when there is nothing.
	Header func(w io.Writer) error
}

var (
	mu       sync.RWMutex
	registry = map[string]*Driver{}
)

// Register makes a driver available by its ID. It panics if the ID is
// empty or taken, or the driver cannot parse, as these are programming
// errors.
func Register(d *Driver) {
	mu.Lock()
	defer mu.Unlock()
	if d == nil || d.ID == "" || d.New == nil {
		panic("drivers: Register of an incomplete driver")
	}
	if _, dup := registry[d.ID]; dup {
		panic("drivers: Register called twice for " + d.ID)
	}
	registry[d.ID] = d
}

// All returns the registered drivers sorted by ID.
func All() []*Driver {
	mu.RLock()
	defer mu.RUnlock()
	all := make([]*Driver, 0, len(registry))
	for _, d := range registry {
		all = append(all, d)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}

// Lookup returns the driver registered as id; the error lists valid IDs.
func Lookup(id string) (*Driver, error) {
	mu.RLock()
	d, ok := registry[id]
	mu.RUnlock()
	if !ok {
		var ids []string
		for _, d := range All() {
			ids = append(ids, d.ID)
		}
		return nil, fmt.Errorf("unknown driver %q (valid: %s)", id, strings.Join(ids, ", "))
	}
	return d, nil
}

// Supports reports whether the driver declares transport t.
func (d *Driver) Supports(t Transport) bool {
	return slices.Contains(d.Transports, t)
}

// Setting returns the declared setting called name.
func (d *Driver) Setting(name string) (Setting, bool) {
	for _, s := range d.Settings {
		if s.Name == name {
			return s, true
		}
	}
	return Setting{}, false
}

// Resolve checks values against the driver's declared settings and
// returns every setting with defaults filled in.
func (d *Driver) Resolve(values map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(d.Settings))
	for _, s := range d.Settings {
		out[s.Name] = s.Default
	}
	for k, v := range values {
		s, ok := d.Setting(k)
		if !ok {
			return nil, fmt.Errorf("driver %s has no setting %q (settings: %s)", d.ID, k, d.settingNames())
		}
		if len(s.Values) > 0 && !slices.Contains(s.Values, v) {
			return nil, fmt.Errorf("driver %s setting %s=%q: want one of %s", d.ID, k, v, strings.Join(s.Values, ", "))
		}
		out[k] = v
	}
	return out, nil
}

func (d *Driver) settingNames() string {
	if len(d.Settings) == 0 {
		return "none"
	}
	names := make([]string, len(d.Settings))
	for i, s := range d.Settings {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}
