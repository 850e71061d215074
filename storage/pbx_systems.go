package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"calltally.app/drivers"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// A PBXSystem is a PBX the collector reads, as configured in the master
// database.
type PBXSystem struct {
	ID        int64
	Tenant    string // slug
	Name      string
	Driver    string
	Transport string
	Address   string            // where to read: listen address, host:port, user@host:port/dir, folder
	Settings  map[string]string // the driver's settings
	TimeZone  string            // IANA name; empty means the machine's zone
	// Allow lists the peers (IP addresses or CIDR prefixes) a tcp-listen
	// source accepts; empty accepts any.
	Allow []string
	// Answerer is whom inbound calls that several extensions answered
	// are counted against; empty means drivers.FinalAnswerer.
	Answerer drivers.Attribution
	// Glob picks the files a file source reads by name ("*.csv"); empty
	// reads every file. Processed is the folder (relative to the source's)
	// a file is moved to once its calls are committed; empty leaves files
	// in place, remembered by their committed position.
	Glob, Processed string
	// DialPlan is how the PBX's numbers are read, in the text form of
	// collector/classify; empty leaves them unclassified.
	DialPlan string
	Enabled  bool
	Secret   Secret // credentials, in clear here and encrypted in the database
}

var (
	// ErrExists is returned when a PBX name is already taken in its tenant.
	ErrExists = errors.New("already exists")
	// ErrSecretUnreadable is returned, with the PBX systems read, when the
	// stored credentials of some cannot be decrypted (a lost or replaced
	// secret.key). Those PBXs come back complete except for their Secret,
	// which reports Unreadable, so that callers that do not need the
	// credentials can go on.
	ErrSecretUnreadable = errors.New("stored credentials cannot be decrypted")
)

const selectPBX = `SELECT t.slug, p.id, p.name, p.driver, p.transport, p.address, p.settings, p.time_zone, p.enabled, p.secret, p.allow, p.answerer, p.glob, p.processed, p.dial_plan
	FROM pbx_systems p JOIN tenants t ON t.id = p.tenant_id `

// PBXSystem returns the PBX called name of tenant. The error wraps
// ErrSecretUnreadable, and p is otherwise complete, when only its
// credentials cannot be decrypted.
func (s *Store) PBXSystem(ctx context.Context, tenant, name string) (PBXSystem, error) {
	row := s.master.QueryRowContext(ctx, selectPBX+"WHERE t.slug = ? AND p.name = ?", tenant, name)
	k := &secretKey{dir: s.Dir}
	p, err := scanPBX(row, k)
	if errors.Is(err, sql.ErrNoRows) {
		return PBXSystem{Tenant: tenant}, fmt.Errorf("pbx %q of tenant %q: %w", name, tenant, ErrNotFound)
	}
	if err != nil && !errors.Is(err, ErrSecretUnreadable) {
		return PBXSystem{Tenant: tenant}, fmt.Errorf("pbx %q: %w", name, err)
	}
	return p, err
}

// PBXSystems returns the PBXs of tenant, or of every tenant when tenant is
// empty, ordered by tenant and name. As with PBXSystem, an error wrapping
// ErrSecretUnreadable (one per such PBX, joined) comes with the complete
// list; any other error with none.
func (s *Store) PBXSystems(ctx context.Context, tenant string) ([]PBXSystem, error) {
	rows, err := s.master.QueryContext(ctx, selectPBX+"WHERE ? IN ('', t.slug) ORDER BY t.slug, p.name", tenant)
	if err != nil {
		return nil, fmt.Errorf("list pbx systems: %w", err)
	}
	defer rows.Close()
	var (
		list       []PBXSystem
		unreadable []error // nil for the PBXs whose credentials were read
		k          = &secretKey{dir: s.Dir}
	)
	for rows.Next() {
		p, err := scanPBX(rows, k)
		if err != nil && !errors.Is(err, ErrSecretUnreadable) {
			return nil, fmt.Errorf("list pbx systems: %w", err)
		}
		list, unreadable = append(list, p), append(unreadable, err)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list pbx systems: %w", err)
	}
	return list, errors.Join(unreadable...)
}

// scanPBX reads a row of selectPBX and decrypts its credentials with k.
func scanPBX(row interface{ Scan(...any) error }, k *secretKey) (PBXSystem, error) {
	var p PBXSystem
	var settings string
	var sealed []byte
	var allow string
	err := row.Scan(&p.Tenant, &p.ID, &p.Name, &p.Driver, &p.Transport, &p.Address, &settings, &p.TimeZone, &p.Enabled, &sealed, &allow, &p.Answerer, &p.Glob, &p.Processed, &p.DialPlan)
	if allow != "" {
		p.Allow = strings.Split(allow, ",")
	}
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(settings), &p.Settings); err != nil {
		return p, fmt.Errorf("pbx %q settings: %w", p.Name, err)
	}
	if p.Settings == nil {
		p.Settings = map[string]string{} // rows written before columns() stored "null"
	}
	p.Secret, err = openSecret(k, sealed)
	if err != nil {
		return p, fmt.Errorf("pbx %q of tenant %q: %w: %w", p.Name, p.Tenant, ErrSecretUnreadable, err)
	}
	return p, nil
}

// AddPBXSystem stores a new PBX configuration and returns its ID.
func (s *Store) AddPBXSystem(ctx context.Context, p PBXSystem) (int64, error) {
	if p.Secret.Unreadable() {
		// Its contents are unknown: adding it would store no credentials.
		return 0, fmt.Errorf("add pbx %q: credentials that could not be decrypted cannot be copied", p.Name)
	}
	settings, sealed, err := s.columns(p)
	if err != nil {
		return 0, fmt.Errorf("add pbx %q: %w", p.Name, err)
	}
	res, err := s.master.ExecContext(ctx, `INSERT INTO pbx_systems (tenant_id, name, driver, transport, address, settings, time_zone, enabled, secret, allow, answerer, glob, processed, dial_plan)
		SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM tenants WHERE slug = ?`,
		p.Name, p.Driver, p.Transport, p.Address, settings, p.TimeZone, p.Enabled, sealed, strings.Join(p.Allow, ","),
		p.answerer(), p.Glob, p.Processed, p.DialPlan, p.Tenant)
	if err != nil {
		return 0, fmt.Errorf("add pbx %q: %w", p.Name, nameTaken(err, p))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("add pbx %q: tenant %q: %w", p.Name, p.Tenant, ErrNotFound)
	}
	return res.LastInsertId()
}

// UpdatePBXSystem stores p over the PBX with p.ID, which must belong to
// p.Tenant: a PBX does not move between tenants. Credentials that could not
// be decrypted when p was read are kept as stored.
func (s *Store) UpdatePBXSystem(ctx context.Context, p PBXSystem) error {
	settings, sealed, err := s.columns(p)
	if err != nil {
		return fmt.Errorf("update pbx %q: %w", p.Name, err)
	}
	res, err := s.master.ExecContext(ctx, `UPDATE pbx_systems SET name = ?, driver = ?, transport = ?, address = ?,
		settings = ?, time_zone = ?, enabled = ?, secret = CASE WHEN ? THEN secret ELSE ? END, allow = ?, answerer = ?,
		glob = ?, processed = ?, dial_plan = ?, updated = unixepoch() WHERE id = ? AND tenant_id = (SELECT id FROM tenants WHERE slug = ?)`,
		p.Name, p.Driver, p.Transport, p.Address, settings, p.TimeZone, p.Enabled,
		p.Secret.Unreadable(), sealed, strings.Join(p.Allow, ","), p.answerer(), p.Glob, p.Processed, p.DialPlan, p.ID, p.Tenant)
	if err != nil {
		return fmt.Errorf("update pbx %q: %w", p.Name, nameTaken(err, p))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("update pbx %q: no PBX %d in tenant %q: %w", p.Name, p.ID, p.Tenant, ErrNotFound)
	}
	return nil
}

func (p *PBXSystem) answerer() string {
	if p.Answerer == "" {
		return string(drivers.FinalAnswerer)
	}
	return string(p.Answerer)
}

// columns returns p's settings and credentials as stored.
func (s *Store) columns(p PBXSystem) (string, []byte, error) {
	if p.Settings == nil {
		p.Settings = map[string]string{} // the column is an object, never null
	}
	settings, err := json.Marshal(p.Settings)
	if err != nil {
		return "", nil, err
	}
	if p.Secret.Unreadable() {
		return string(settings), nil, nil // kept as stored by UpdatePBXSystem
	}
	sealed, err := sealSecret(s.Dir, p.Secret)
	if err != nil {
		return "", nil, fmt.Errorf("encrypt credentials: %w", err)
	}
	return string(settings), sealed, nil
}

// nameTaken turns the unique constraint on (tenant, name) into ErrExists.
func nameTaken(err error, p PBXSystem) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE {
		return fmt.Errorf("tenant %q has a pbx called %q: %w", p.Tenant, p.Name, ErrExists)
	}
	return err
}

// RemovePBXSystem deletes the configuration of the PBX called name. The
// calls and records already read from it stay in the tenant's database.
func (s *Store) RemovePBXSystem(ctx context.Context, tenant, name string) error {
	res, err := s.master.ExecContext(ctx, `DELETE FROM pbx_systems
		WHERE name = ? AND tenant_id = (SELECT id FROM tenants WHERE slug = ?)`, name, tenant)
	if err != nil {
		return fmt.Errorf("remove pbx %q: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("remove pbx %q of tenant %q: %w", name, tenant, ErrNotFound)
	}
	return nil
}

// ConfigVersion returns a number that changes whenever a PBX system is
// added, changed or removed, by any process: the collector polls it to
// pick up configuration changes without a restart. Triggers keep it
// (migration 0002).
func (s *Store) ConfigVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.master.QueryRowContext(ctx, "SELECT version FROM config_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("config version: %w", err)
	}
	return v, nil
}

// Check reports whether p can be read as configured: its name is usable on
// a command line and in a table, its driver exists and declares its
// transport, its address has the transport's shape, and its settings, time
// zone and credentials are valid for them. Storing does not check, as rows
// outlive the drivers of one build; whoever edits a PBX (the app, the
// command line) checks first.
func (p PBXSystem) Check() error {
	if p.Name == "" || strings.TrimSpace(p.Name) != p.Name || strings.HasPrefix(p.Name, "-") || strings.ContainsFunc(p.Name, unicode.IsControl) {
		return fmt.Errorf("pbx name %q: want a name without spaces around it, a leading - or control characters", p.Name)
	}
	drv, err := drivers.Lookup(p.Driver)
	if err != nil {
		return err
	}
	t := drivers.Transport(p.Transport)
	if !drv.Supports(t) {
		names := make([]string, len(drv.Transports))
		for i, dt := range drv.Transports {
			names[i] = string(dt)
		}
		return fmt.Errorf("driver %s does not support transport %q (it supports %s)", drv.ID, t, strings.Join(names, ", "))
	}
	if err := checkAddress(t, p.Address); err != nil {
		return fmt.Errorf("%s address %q: %w", t, p.Address, err)
	}
	loc, err := drivers.LoadZone(p.TimeZone)
	if err != nil {
		return err
	}
	// Opening checks what Resolve cannot: a field list, a layout.
	if _, err := drv.Open(drivers.Config{Location: loc, Attribution: p.Answerer, Settings: p.Settings}); err != nil {
		return err
	}
	if err := checkAllow(t, p.Allow); err != nil {
		return err
	}
	if err := checkFiles(t, p.Glob, p.Processed); err != nil {
		return err
	}
	if a := p.answerer(); a != string(drivers.FinalAnswerer) && a != string(drivers.FirstAnswerer) {
		return fmt.Errorf("answerer %q: want final or first", a)
	}
	return p.Secret.check(t)
}

// checkAddress checks the shape of address for transport t only: the PBX
// may not be reachable from where it is configured, and names are resolved
// when the collector connects.
func checkAddress(t drivers.Transport, address string) error {
	switch t {
	case drivers.TCPListen, drivers.SFTPReceive, drivers.Syslog:
		return hostPort(address, "[HOST]:PORT, e.g. :9000", false)
	case drivers.TCPDial:
		return hostPort(address, "HOST:PORT, e.g. 192.0.2.10:9000", true)
	case drivers.SFTP:
		const shape = "USER@HOST:PORT/DIR, e.g. smdr@192.0.2.10:22/cdr"
		login, dir, _ := strings.Cut(address, "/")
		at := strings.LastIndex(login, "@")
		if at <= 0 || dir == "" {
			return fmt.Errorf("want %s", shape)
		}
		return hostPort(login[at+1:], shape, true)
	case drivers.Folder:
		if !filepath.IsAbs(address) {
			return errors.New("want an absolute path: the collector runs in another working directory")
		}
	}
	return nil
}

func hostPort(address, shape string, needHost bool) error {
	host, port, err := net.SplitHostPort(address)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n < 1 || n > 65535 || (needHost && host == "") {
		return fmt.Errorf("want %s (port 1-65535)", shape)
	}
	return nil
}

// checkAllow checks an allow-list: only a tcp-listen source has one, and
// each entry is an IP address or a CIDR prefix.
func checkAllow(t drivers.Transport, allow []string) error {
	if len(allow) > 0 && t != drivers.TCPListen {
		return fmt.Errorf("an allow-list is only used by the tcp-listen transport, not %s", t)
	}
	for _, a := range allow {
		if _, err := AllowedPrefix(a); err != nil {
			return err
		}
	}
	return nil
}

// checkFiles checks the file options, which only file sources use.
func checkFiles(t drivers.Transport, glob, processed string) error {
	if t != drivers.Folder && t != drivers.SFTP && t != drivers.SFTPReceive && glob != "" {
		return fmt.Errorf("a glob is for file transports (folder, sftp, sftp-receive), not %s", t)
	}
	// An sftp-receive inbox always moves read files to its own processed
	// folder, pruned with the raw records.
	if t != drivers.Folder && t != drivers.SFTP && processed != "" {
		return fmt.Errorf("a processed folder is for the folder and sftp transports, not %s", t)
	}
	if _, err := path.Match(glob, ""); err != nil {
		return fmt.Errorf("glob %q: %w", glob, err)
	}
	if strings.ContainsAny(processed, "\x00") || processed == "." {
		return fmt.Errorf("processed folder %q: want a folder name or path other than the source folder", processed)
	}
	return nil
}

// AllowedPrefix reads an allow-list entry: an IP address (one host) or a
// CIDR prefix.
func AllowedPrefix(entry string) (netip.Prefix, error) {
	if pfx, err := netip.ParsePrefix(entry); err == nil {
		return pfx.Masked(), nil
	}
	addr, err := netip.ParseAddr(entry)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("allow %q: want an IP address or a CIDR prefix such as 192.0.2.0/24", entry)
	}
	return netip.PrefixFrom(addr, addr.BitLen()), nil
}
