package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"calltally.app/collector/importer"
	"calltally.app/collector/ingest"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// maxReported is how many unreadable records import lists; the rest are
// counted (all are stored with their reason).
const maxReported = 20

func runImport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("import")
	var df driverFlags
	df.register(fs)
	tenant := fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
	pbx := fs.String("pbx", "", "`NAME` of the PBX the records come from (default: the driver ID)")
	dialPlan := fs.String("dial-plan", "", "how the numbers are read, e.g. 'country=DE area=30 access=0' (default: the PBX's, see pbx add --dial-plan)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("no files given: %w", errUsage)
	}
	st, t, err := e.tenant(ctx, *tenant)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := applyConfigured(ctx, st, *tenant, *pbx, &df); err != nil {
		return err
	}
	if df.driver == "" {
		_, _, err := df.open() // says --driver is required, and lists the drivers
		return err
	}
	if *dialPlan != "" {
		df.dialPlan = *dialPlan
	}
	if *pbx == "" {
		*pbx = df.driver
	}
	src := importer.Source{Driver: df.driver, TimeZone: df.tz, Answerer: drivers.Attribution(df.answerer),
		Settings: df.set, DialPlan: df.dialPlan}
	return e.importFiles(ctx, t, *pbx, src, fs.Args())
}

// applyConfigured takes the driver, settings and zone of a PBX configured
// under that name, where the command line does not set them.
func applyConfigured(ctx context.Context, st *storage.Store, tenant, name string, df *driverFlags) error {
	if name == "" {
		return nil
	}
	sys, err := st.PBXSystem(ctx, tenant, name)
	if errors.Is(err, storage.ErrNotFound) {
		return nil
	}
	if err != nil && !errors.Is(err, storage.ErrSecretUnreadable) { // import needs no credentials
		return err
	}
	if df.driver != "" && df.driver != sys.Driver {
		return fmt.Errorf("pbx %q is configured with driver %s, not %s", name, sys.Driver, df.driver)
	}
	df.driver = sys.Driver
	if df.tz == "" {
		df.tz = sys.TimeZone
	}
	if df.answerer == "" {
		df.answerer = string(sys.Answerer)
	}
	df.dialPlan = sys.DialPlan
	for k, v := range sys.Settings {
		if _, set := df.set[k]; !set {
			df.set[k] = v
		}
	}
	return nil
}

func (e *env) importFiles(ctx context.Context, t *storage.Tenant, pbx string, src importer.Source, files []string) error {
	in, drv, err := importer.Open(ctx, t, pbx, src)
	if err != nil {
		return err
	}
	defer in.Close()
	reported := 0
	in.OnError = func(rec drivers.Record, err error) {
		if reported++; reported <= maxReported {
			fmt.Fprintf(e.stderr, "%s: %v\n", rec.Where(), err)
		}
	}
	for _, name := range files {
		if err := e.importFile(ctx, in, drv, name); err != nil {
			return err
		}
	}
	s := in.Stats()
	if reported > maxReported {
		fmt.Fprintf(e.stderr, "… and %d more unreadable records (all kept with their reason)\n", reported-maxReported)
	}
	fmt.Fprintf(e.stdout, "imported %d calls, %d duplicates skipped, %d unparsed\n", s.Calls, s.Duplicates, s.Unparsed)
	if s.Pending > 0 {
		fmt.Fprintf(e.stdout, "%d records wait for the rest of their call\n", s.Pending)
	}
	return nil
}

func (e *env) importFile(ctx context.Context, in *ingest.Ingester, drv *drivers.Driver, name string) error {
	r, closeFn, err := e.openInput(name)
	if err != nil {
		return err
	}
	defer closeFn()
	received, size := time.Now, int64(0)
	if f, ok := r.(*os.File); ok && name != "-" {
		if fi, err := f.Stat(); err == nil {
			mod := fi.ModTime()
			received, size = func() time.Time { return mod }, fi.Size()
		}
	}
	rd := drivers.NewReader(r, name, drv.Split, received)
	progress := e.progress(name, size)
	err = in.ReadAll(ctx, rd, progress)
	progress(-1)
	return err
}

// progress returns a function that shows how far an import of a size-byte
// file has got, on a terminal only; -1 clears the line.
func (e *env) progress(name string, size int64) func(int64) {
	f, ok := e.stderr.(*os.File)
	if !ok || size < 1<<20 {
		return func(int64) {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return func(int64) {}
	}
	last := time.Time{}
	return func(off int64) {
		if off < 0 {
			fmt.Fprint(f, "\r\033[K")
			return
		}
		if time.Since(last) > 200*time.Millisecond {
			last = time.Now()
			fmt.Fprintf(f, "\rimporting %s: %d%%", name, off*100/size)
		}
	}
}

// tenant opens the data directory (--data, or the default) and the tenant
// slug in it.
func (e *env) tenant(ctx context.Context, slug string) (*storage.Store, *storage.Tenant, error) {
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return nil, nil, err
	}
	return openTenant(ctx, dir, slug)
}

// openTenant opens the data directory dir and the tenant slug in it.
func openTenant(ctx context.Context, dir, slug string) (*storage.Store, *storage.Tenant, error) {
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return nil, nil, err
	}
	t, err := st.Tenant(ctx, slug)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, t, nil
}
