package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"calltally.app/drivers"
	"calltally.app/storage"
)

func runPBXList(ctx context.Context, e *env, args []string) error {
	fs := e.flags("pbx list")
	tenant := fs.String("tenant", "", "only the PBXs of tenant `SLUG` (default: every tenant)")
	asJSON := fs.Bool("json", false, "one JSON object per PBX, one per line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("pbx list takes no arguments: %w", errUsage)
	}
	return e.withPBXStore(ctx, func(st *storage.Store) error {
		list, err := st.PBXSystems(ctx, *tenant)
		if err != nil && !errors.Is(err, storage.ErrSecretUnreadable) {
			return err
		}
		if perr := e.printPBXs(list, *asJSON); perr != nil || err == nil {
			return perr
		}
		// The list is complete; say whose credentials the collector cannot use.
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(e.stderr, "calltally: pbx: %s\n", line)
		}
		return errQuiet
	})
}

// pbxRow is a PBX as pbx list shows it: never its credentials, only yes, no or unreadable.
type pbxRow struct {
	Tenant    string            `json:"tenant"`
	Name      string            `json:"name"`
	Driver    string            `json:"driver"`
	Transport string            `json:"transport"`
	Address   string            `json:"address"`
	TimeZone  string            `json:"time_zone"`
	Answerer  string            `json:"answerer"`
	Allow     []string          `json:"allow"`
	Glob      string            `json:"glob,omitempty"`
	Processed string            `json:"processed,omitempty"`
	Enabled   bool              `json:"enabled"`
	Secret    string            `json:"secret"`
	Settings  map[string]string `json:"settings"`
}

func (e *env) printPBXs(list []storage.PBXSystem, asJSON bool) error {
	enc, tw := json.NewEncoder(e.stdout), tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	enc.SetEscapeHTML(false)
	if !asJSON {
		fmt.Fprintln(tw, "TENANT\tNAME\tDRIVER\tTRANSPORT\tADDRESS\tZONE\tANSWERER\tALLOW\tENABLED\tSECRET\tSETTINGS")
	}
	for _, p := range list {
		r := pbxRow{p.Tenant, p.Name, p.Driver, p.Transport, p.Address, p.TimeZone,
			cmp.Or(string(p.Answerer), string(drivers.FinalAnswerer)), append([]string{}, p.Allow...),
			p.Glob, p.Processed, p.Enabled, yesNo(!p.Secret.IsZero()), p.Settings}
		if p.Secret.Unreadable() {
			r.Secret = "unreadable"
		}
		if asJSON {
			if err := enc.Encode(r); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Tenant, r.Name, r.Driver, r.Transport,
			r.Address, cmp.Or(r.TimeZone, "Local"), r.Answerer, cmp.Or(strings.Join(r.Allow, ","), "any"),
			yesNo(r.Enabled), r.Secret, joinSettings(r.Settings))
	}
	return tw.Flush()
}

// joinSettings writes settings as k=v,k=v in key order, or - for none.
func joinSettings(settings map[string]string) string {
	var kv []string
	for _, k := range slices.Sorted(maps.Keys(settings)) {
		kv = append(kv, k+"="+short(settings[k]))
	}
	return cmp.Or(strings.Join(kv, ","), "-")
}

// short keeps a table cell to one line of reasonable width: a layout
// setting can be a whole document (--json shows it in full).
func short(v string) string {
	const width = 40
	v = strings.Join(strings.Fields(v), " ")
	if r := []rune(v); len(r) > width {
		return string(r[:width-1]) + "…"
	}
	return v
}
