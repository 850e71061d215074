package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"calltally.app/collector/classify"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// pbxCommands are the subcommands of calltally pbx.
var pbxCommands = map[string]func(ctx context.Context, e *env, args []string) error{
	"add": runPBXAdd, "list": runPBXList, "edit": runPBXEdit, "remove": runPBXRemove, "test": runPBXTest,
}

func runPBX(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("pbx: want a subcommand: add, edit, list, remove or test: %w", errUsage)
	}
	if run := pbxCommands[args[0]]; run != nil {
		return run(ctx, e, args[1:])
	}
	return fmt.Errorf("pbx: unknown subcommand %q (want add, edit, list, remove or test): %w", args[0], errUsage)
}

func runPBXAdd(ctx context.Context, e *env, args []string) error {
	fs := e.flags("pbx add")
	var f pbxFlags
	f.register(fs)
	disabled := fs.Bool("disabled", false, "store the PBX without reading it yet")
	name, err := f.parse(fs, args)
	if err != nil {
		return err
	}
	p := storage.PBXSystem{Tenant: f.tenant, Name: name, Settings: map[string]string{}, Enabled: !*disabled}
	if err := f.apply(&p, e.stdin); err != nil {
		return err
	}
	return e.withPBXStore(ctx, func(st *storage.Store) error {
		if _, err := st.AddPBXSystem(ctx, p); errors.Is(err, storage.ErrExists) {
			return fmt.Errorf("tenant %s already has a pbx %q (change it with calltally pbx edit)", p.Tenant, name)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added pbx %s: %s, %s %s\n", name, p.Driver, p.Transport, p.Address)
		return nil
	})
}

func runPBXEdit(ctx context.Context, e *env, args []string) error {
	fs := e.flags("pbx edit")
	var f pbxEditFlags
	f.register(fs)
	name, err := f.parse(fs, args)
	if err == nil {
		err = f.check()
	}
	if err != nil {
		return err
	}
	return e.withPBXStore(ctx, func(st *storage.Store) error {
		p, loadErr := st.PBXSystem(ctx, f.tenant, name)
		if loadErr != nil && !errors.Is(loadErr, storage.ErrSecretUnreadable) {
			return loadErr
		}
		if err := f.edit(&p, e.stdin); err != nil {
			return err
		}
		if err := st.UpdatePBXSystem(ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "changed pbx %s\n", name)
		if f.forgetHostKey {
			if err := e.forgetHostKeys(ctx, st, p); err != nil {
				return err
			}
		}
		if p.Secret.Unreadable() { // kept as stored, still of no use to the collector
			fmt.Fprintf(e.stderr, "calltally: pbx: warning: %v\n", loadErr)
		}
		return nil
	})
}

// forgetHostKeys unpins the SSH host keys of p's servers.
func (e *env) forgetHostKeys(ctx context.Context, st *storage.Store, p storage.PBXSystem) error {
	t, err := st.Tenant(ctx, p.Tenant)
	if err != nil {
		return err
	}
	id, err := t.PBX(ctx, p.Name, p.Driver)
	if err != nil {
		return err
	}
	n, err := t.ForgetHostKeys(ctx, id)
	if err == nil {
		fmt.Fprintf(e.stdout, "forgot %d pinned host key(s): the next connection trusts the key the server shows\n", n)
	}
	return err
}

func runPBXRemove(ctx context.Context, e *env, args []string) error {
	fs := e.flags("pbx remove")
	tenant := fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("pbx remove: want one PBX NAME: %w", errUsage)
	}
	return e.withPBXStore(ctx, func(st *storage.Store) error {
		if err := st.RemovePBXSystem(ctx, *tenant, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed pbx %s (the calls read from it stay)\n", fs.Arg(0))
		return nil
	})
}

// withPBXStore runs fn on the data directory's store.
func (e *env) withPBXStore(ctx context.Context, fn func(st *storage.Store) error) error {
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return err
	}
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// checkPBX validates p as a whole, after the flags changed it: an edit
// that changes the driver must leave a transport and settings it accepts.
func checkPBX(p *storage.PBXSystem) error {
	drv, err := drivers.Lookup(p.Driver)
	if p.Driver == "" {
		return fmt.Errorf("--driver is required: %w", err)
	}
	if err == nil && p.Transport == "" {
		var flags []string
		for _, t := range pbxTransports {
			if drv.Supports(t.transport) {
				flags = append(flags, "--"+t.flag)
			}
		}
		return fmt.Errorf("give a transport: driver %s reads from %s", drv.ID, strings.Join(flags, ", "))
	}
	return p.Check()
}

// pbxFlags are the flags of pbx add, and of pbx edit where all are optional.
type pbxFlags struct {
	tenant, driver, tz, keyFile, allow, answerer string
	glob, processed, dialPlan                    string
	transport                                    map[string]*string // the value of each transport flag
	rawSet                                       []string           // --set KEY=VALUE as given
	passwordStdin                                bool
	given                                        map[string]bool // the flags on the command line
}

func (f *pbxFlags) register(fs *flag.FlagSet) {
	f.transport = map[string]*string{}
	fs.StringVar(&f.tenant, "tenant", storage.DefaultTenant, "tenant `SLUG`")
	fs.StringVar(&f.driver, "driver", "", "driver `ID` (see calltally drivers)")
	for _, t := range pbxTransports {
		f.transport[t.flag] = fs.String(t.flag, "", t.help)
	}
	fs.StringVar(&f.tz, "tz", "", "the site's time `ZONE`, e.g. Europe/Berlin (default: this machine's)")
	fs.StringVar(&f.allow, "allow", "", "tcp-listen only: the `PEERS` allowed to connect, comma-separated IP addresses or CIDR prefixes (empty: any)")
	fs.StringVar(&f.glob, "glob", "", "file transports: read only the files whose names match `PATTERN`, e.g. 'cdr_*' (default: every file)")
	fs.StringVar(&f.processed, "processed", "", "folder and sftp: move each file, once its calls are stored, to `DIR` (relative to the PBX's folder); default: leave files and remember how far they were read")
	fs.StringVar(&f.dialPlan, "dial-plan", "", "how the PBX's numbers are read, e.g. 'country=DE area=30 access=0 internal=200-299' (see collector/classify/README.md)")
	fs.StringVar(&f.answerer, "answerer", "final", "count inbound calls that several extensions answered against the `final` or the first answerer")
	// Checked after parsing, so that a bad one is a one-line error, not the flag usage.
	fs.Func("set", "driver setting `KEY=VALUE` (repeatable; see calltally drivers --settings ID)", func(kv string) error {
		f.rawSet = append(f.rawSet, kv)
		return nil
	})
	fs.Func("layout", "the driver's layout setting, read from `FILE` (the custom driver's record description)", func(path string) error {
		b, err := os.ReadFile(path)
		f.rawSet = append(f.rawSet, "layout="+strings.TrimSpace(string(b)))
		return err
	})
	fs.BoolVar(&f.passwordStdin, "password-stdin", false, "read the SFTP password from the first line of standard input")
	fs.StringVar(&f.keyFile, "key-file", "", "private key `FILE` (OpenSSH or PEM) to log in to the PBX's SFTP server with")
}

// parse parses args and returns the one positional argument, the PBX name.
func (f *pbxFlags) parse(fs *flag.FlagSet, args []string) (string, error) {
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	if fs.NArg() != 1 {
		return "", fmt.Errorf("%s: want one PBX NAME: %w", strings.TrimPrefix(fs.Name(), "calltally "), errUsage)
	}
	f.given = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.given[fl.Name] = true })
	return fs.Arg(0), nil
}

// apply changes p as the flags given say and checks the result.
func (f *pbxFlags) apply(p *storage.PBXSystem, stdin io.Reader) error {
	if f.given["driver"] {
		p.Driver = f.driver
	}
	if f.given["tz"] {
		p.TimeZone = f.tz
	}
	if f.given["allow"] {
		p.Allow = splitList(f.allow)
	}
	if f.given["dial-plan"] {
		plan, err := classify.ParseOptional(f.dialPlan)
		if err != nil {
			return fmt.Errorf("--dial-plan: %w", err)
		}
		p.DialPlan = ""
		if plan != nil {
			p.DialPlan = plan.String()
		}
	}
	if f.given["glob"] {
		p.Glob = f.glob
	}
	if f.given["processed"] {
		p.Processed = f.processed
	}
	if f.given["answerer"] {
		p.Answerer = drivers.Attribution(f.answerer)
	}
	for _, kv := range f.rawSet {
		if err := settingsFlag(p.Settings).Set(kv); err != nil {
			return fmt.Errorf("--set: %w", err)
		}
	}
	if err := f.applyTransport(p); err != nil {
		return err
	}
	if err := f.applySecret(p, stdin); err != nil {
		return err
	}
	return checkPBX(p)
}

func (f *pbxFlags) applyTransport(p *storage.PBXSystem) error {
	var chosen []pbxTransport
	for _, t := range pbxTransports {
		if f.given[t.flag] {
			chosen = append(chosen, t)
		}
	}
	if len(chosen) > 1 {
		return fmt.Errorf("give one transport, not --%s and --%s", chosen[0].flag, chosen[1].flag)
	} else if len(chosen) == 0 {
		return nil
	}
	t, addr := chosen[0], *f.transport[chosen[0].flag]
	if t.transport == drivers.Folder && addr != "" {
		var err error
		if addr, err = filepath.Abs(addr); err != nil { // the collector runs in another directory
			return fmt.Errorf("--dir: %w", err)
		}
	}
	p.Transport, p.Address = string(t.transport), addr
	// Drop credentials the new transport does not use: a PBX moved off SFTP keeps no password.
	if t.transport != drivers.SFTP && t.transport != drivers.SFTPReceive {
		p.Secret = storage.Secret{}
	} else if t.transport == drivers.SFTPReceive && !p.Secret.Unreadable() {
		p.Secret.PrivateKey = ""
	}
	return nil
}

// applySecret reads --password-stdin and --key-file; checkPBX checks the transport uses them.
func (f *pbxFlags) applySecret(p *storage.PBXSystem, stdin io.Reader) error {
	if (f.passwordStdin || f.keyFile != "") && p.Secret.Unreadable() {
		p.Secret = storage.Secret{} // replaced: what could not be decrypted is lost anyway
	}
	var err error
	if f.passwordStdin {
		if p.Secret.Password, err = readPBXPassword(stdin); err != nil {
			return err
		}
	}
	if f.keyFile != "" {
		key, err := os.ReadFile(f.keyFile)
		if err != nil {
			return fmt.Errorf("--key-file: %w", err)
		}
		p.Secret.PrivateKey = string(key)
	}
	return nil
}

// pbxEditFlags are pbx add's flags, and those for a PBX that exists.
type pbxEditFlags struct {
	pbxFlags
	enable, disable, forgetHostKey bool
	unset                          []string
}

func (f *pbxEditFlags) register(fs *flag.FlagSet) {
	f.pbxFlags.register(fs)
	fs.BoolVar(&f.enable, "enable", false, "read the PBX again")
	fs.BoolVar(&f.disable, "disable", false, "stop reading the PBX, keeping its configuration")
	fs.BoolVar(&f.forgetHostKey, "forget-host-key", false, "sftp: trust the key the PBX's SSH server shows next (after it was reinstalled or replaced)")
	fs.Func("unset", "remove driver setting `KEY`, back to its default (repeatable)", func(k string) error {
		f.unset = append(f.unset, k)
		return nil
	})
}

// check rejects an edit that asks for nothing or for both --enable and
// --disable, before the database is opened.
func (f *pbxEditFlags) check() error {
	if f.enable && f.disable {
		return errors.New("give --enable or --disable, not both")
	}
	delete(f.given, "tenant")
	delete(f.given, "data")
	if len(f.given) == 0 {
		return errors.New("nothing to change: give the flags to change (see calltally pbx edit --help)")
	}
	return nil
}

// edit changes p as the flags say and checks the result.
func (f *pbxEditFlags) edit(p *storage.PBXSystem, stdin io.Reader) error {
	for _, k := range f.unset {
		if _, ok := p.Settings[k]; !ok {
			return fmt.Errorf("--unset %s: pbx %s has no setting %q", k, p.Name, k)
		}
		delete(p.Settings, k)
	}
	if f.enable || f.disable {
		p.Enabled = f.enable
	}
	return f.apply(p, stdin)
}

// A pbxTransport is a transport flag of pbx add and edit.
type pbxTransport struct {
	flag      string
	transport drivers.Transport
	help      string
}

var pbxTransports = []pbxTransport{
	{"listen", drivers.TCPListen, "listen on `ADDR` ([HOST]:PORT) for the PBX to connect and send records"},
	{"connect", drivers.TCPDial, "connect to the PBX at `HOST:PORT` and read its records"},
	{"sftp", drivers.SFTP, "poll the files in DIR on the PBX's SFTP server `USER@HOST:PORT/DIR`"},
	{"sftp-receive", drivers.SFTPReceive, "run an SFTP server on `ADDR` ([HOST]:PORT) for the PBX to upload files to"},
	{"dir", drivers.Folder, "poll the files the PBX writes to the folder `DIR`"},
	{"syslog", drivers.Syslog, "receive the PBX's syslog messages on `ADDR` ([HOST]:PORT)"},
}

// readPBXPassword reads the first line of r, so that the password appears
// neither in the process list nor in the shell's history.
func readPBXPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("--password-stdin: %w", err)
	}
	if pw := strings.TrimRight(line, "\r\n"); pw != "" {
		return pw, nil
	}
	return "", errors.New("--password-stdin: no password on the first line of standard input")
}
