package storage

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"calltally.app/drivers"
	_ "calltally.app/drivers/all"
)

func openStore(t *testing.T) *Store {
	t.Helper()
	st, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func addTenant(t *testing.T, st *Store, slug string) {
	t.Helper()
	if _, err := st.master.Exec("INSERT INTO tenants (slug, name) VALUES (?, ?)", slug, slug); err != nil {
		t.Fatal(err)
	}
}

func mustAdd(t *testing.T, st *Store, p PBXSystem) PBXSystem {
	t.Helper()
	id, err := st.AddPBXSystem(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	p.ID = id
	if p.Answerer == "" {
		p.Answerer = drivers.FinalAnswerer // as it reads back
	}
	if p.Settings == nil {
		p.Settings = map[string]string{}
	}
	return p
}

func TestPBXSystemsCRUD(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	addTenant(t, st, "acme")
	hq := mustAdd(t, st, PBXSystem{Tenant: DefaultTenant, Name: "hq", Driver: "avaya-ipo", Transport: "sftp",
		Address: "smdr@192.0.2.1:22/cdr", Settings: map[string]string{"trunk": "line"}, Enabled: true,
		Secret: Secret{Password: "hunter2", PrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----"}})
	branch := mustAdd(t, st, PBXSystem{Tenant: DefaultTenant, Name: "branch", Driver: "avaya-ipo", Transport: "tcp-listen", Address: ":9000"})
	other := mustAdd(t, st, PBXSystem{Tenant: "acme", Name: "main", Driver: "avaya-ipo", Transport: "folder", Address: "/srv/cdr", TimeZone: "Europe/Berlin", Enabled: true})

	tests := []struct {
		tenant string
		want   []PBXSystem
	}{
		{"", []PBXSystem{other, branch, hq}},
		{DefaultTenant, []PBXSystem{branch, hq}},
		{"acme", []PBXSystem{other}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		got, err := st.PBXSystems(ctx, tt.tenant)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("PBXSystems(%q) = %+v, %v\nwant %+v", tt.tenant, got, err, tt.want)
		}
	}

	hq.Address, hq.Enabled, hq.Secret = "smdr@192.0.2.2:2222/out", false, Secret{Password: "correct horse"}
	delete(hq.Settings, "trunk")
	if err := st.UpdatePBXSystem(ctx, hq); err != nil {
		t.Fatal(err)
	}
	if got, err := st.PBXSystem(ctx, DefaultTenant, "hq"); err != nil || !reflect.DeepEqual(got, hq) {
		t.Fatalf("after update: %+v, %v\nwant %+v", got, err, hq)
	}

	if err := st.RemovePBXSystem(ctx, DefaultTenant, "hq"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PBXSystem(ctx, DefaultTenant, "hq"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removed PBX: %v, want ErrNotFound", err)
	}
}

func TestPBXSystemErrors(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	addTenant(t, st, "acme")
	hq := mustAdd(t, st, PBXSystem{Tenant: DefaultTenant, Name: "hq", Driver: "avaya-ipo"})
	mustAdd(t, st, PBXSystem{Tenant: DefaultTenant, Name: "branch", Driver: "avaya-ipo"})
	renamed, moved, gone := hq, hq, hq
	renamed.Name = "branch"
	moved.Tenant = "acme"
	gone.ID = 999

	tests := []struct {
		name string
		err  error
		want error
	}{
		{"duplicate name", func() error { _, err := st.AddPBXSystem(ctx, hq); return err }(), ErrExists},
		{"same name in another tenant", func() error { p := hq; p.Tenant = "acme"; _, err := st.AddPBXSystem(ctx, p); return err }(), nil},
		{"unknown tenant", func() error { p := hq; p.Tenant = "nobody"; _, err := st.AddPBXSystem(ctx, p); return err }(), ErrNotFound},
		{"rename onto another", st.UpdatePBXSystem(ctx, renamed), ErrExists},
		{"update across tenants", st.UpdatePBXSystem(ctx, moved), ErrNotFound},
		{"update unknown ID", st.UpdatePBXSystem(ctx, gone), ErrNotFound},
		{"remove unknown", st.RemovePBXSystem(ctx, DefaultTenant, "nope"), ErrNotFound},
		{"remove in wrong tenant", st.RemovePBXSystem(ctx, "nobody", "hq"), ErrNotFound},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.want) || (tt.want == nil) != (tt.err == nil) {
			t.Errorf("%s: %v, want %v", tt.name, tt.err, tt.want)
		}
	}
}

func TestConfigVersion(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	p := PBXSystem{Tenant: DefaultTenant, Name: "hq", Driver: "avaya-ipo", Transport: "tcp-listen", Address: ":9000"}
	steps := []struct {
		name    string
		do      func() error
		changes bool
	}{
		{"add", func() error { var err error; p.ID, err = st.AddPBXSystem(ctx, p); return err }, true},
		{"read one", func() error { _, err := st.PBXSystem(ctx, DefaultTenant, "hq"); return err }, false},
		{"read all", func() error { _, err := st.PBXSystems(ctx, ""); return err }, false},
		{"edit", func() error { p.Address = ":9001"; return st.UpdatePBXSystem(ctx, p) }, true},
		{"failed remove", func() error { st.RemovePBXSystem(ctx, DefaultTenant, "nope"); return nil }, false},
		{"remove", func() error { return st.RemovePBXSystem(ctx, DefaultTenant, "hq") }, true},
	}
	last, err := st.ConfigVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		v, err := st.ConfigVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if changed := v != last; changed != s.changes {
			t.Errorf("%s: version %d -> %d, want changed=%v", s.name, last, v, s.changes)
		}
		last = v
	}
}

func TestConfigVersionSeenByAnotherProcess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	collector, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer collector.Close()
	before, _ := collector.ConfigVersion(ctx)
	cli, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, cli, PBXSystem{Tenant: DefaultTenant, Name: "hq", Driver: "avaya-ipo"})
	cli.Close()
	if after, err := collector.ConfigVersion(ctx); err != nil || after == before {
		t.Fatalf("version %d -> %d, %v: want a change seen through the other connection", before, after, err)
	}
}

func TestCheckAddress(t *testing.T) {
	tests := []struct {
		transport drivers.Transport
		address   string
		ok        bool
	}{
		{drivers.TCPListen, ":9000", true},
		{drivers.TCPListen, "0.0.0.0:9000", true},
		{drivers.TCPListen, "[::]:9000", true},
		{drivers.TCPListen, "9000", false},
		{drivers.TCPListen, ":0", false},
		{drivers.TCPListen, ":65536", false},
		{drivers.TCPDial, "pbx.example.com:9000", true},
		{drivers.TCPDial, ":9000", false},
		{drivers.SFTP, "smdr@192.0.2.1:22/cdr", true},
		{drivers.SFTP, "smdr@[2001:db8::1]:22/var/cdr", true},
		{drivers.SFTP, "smdr@192.0.2.1:22/", false},
		{drivers.SFTP, "@192.0.2.1:22/cdr", false},
		{drivers.SFTP, "smdr@192.0.2.1/cdr", false},
		{drivers.SFTPReceive, ":2222", true},
		{drivers.Syslog, "514", false},
		{drivers.Syslog, ":514", true},
		{drivers.Folder, filepath.Join(string(filepath.Separator), "srv", "cdr"), true},
		{drivers.Folder, "cdr", false},
		{drivers.Folder, "", false},
	}
	for _, tt := range tests {
		if err := checkAddress(tt.transport, tt.address); (err == nil) != tt.ok {
			t.Errorf("%s %q: %v, want ok=%v", tt.transport, tt.address, err, tt.ok)
		}
	}
}

func TestCheck(t *testing.T) {
	key := "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n"
	ok := PBXSystem{Name: "hq", Driver: "avaya-ipo", Transport: "sftp", Address: "u@h:22/d", TimeZone: "Europe/Berlin",
		Settings: map[string]string{"trunk": "line"}, Secret: Secret{Password: "pw", PrivateKey: key}}
	tests := []struct {
		name   string
		change func(p *PBXSystem)
		want   string // "" for valid
	}{
		{"valid", func(p *PBXSystem) {}, ""},
		{"name with tab", func(p *PBXSystem) { p.Name = "h\tq" }, "pbx name"},
		{"name like a flag", func(p *PBXSystem) { p.Name = "-x" }, "pbx name"},
		{"unknown driver", func(p *PBXSystem) { p.Driver = "nope" }, "unknown driver"},
		{"unsupported transport", func(p *PBXSystem) { p.Transport = "syslog" }, "does not support"},
		{"bad address", func(p *PBXSystem) { p.Address = "h:22/d" }, "sftp address"},
		{"bad setting", func(p *PBXSystem) { p.Settings["trunk"] = "x" }, "want one of"},
		{"bad zone", func(p *PBXSystem) { p.TimeZone = "Mars/Base" }, "time zone"},
		{"key not PEM", func(p *PBXSystem) { p.Secret.PrivateKey = "ssh-ed25519 AAAA" }, "OpenSSH or PEM"},
		{"public key", func(p *PBXSystem) {
			p.Secret.PrivateKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"
		}, "OpenSSH or PEM"},
		{"password on tcp", func(p *PBXSystem) { p.Transport, p.Address, p.Secret.PrivateKey = "tcp-listen", ":1", "" }, "password is only"},
	}
	for _, tt := range tests {
		p := ok
		p.Settings = map[string]string{"trunk": "line"}
		tt.change(&p)
		err := p.Check()
		if (tt.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}
