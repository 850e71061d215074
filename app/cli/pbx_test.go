package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"calltally.app/storage"
)

const (
	testPassword = "s3cret-Pa55"
	testKeyPEM   = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n"
)

// pbxSetup is a data directory with a private key file beside it.
func pbxSetup(t *testing.T) (data, keyFile string) {
	t.Helper()
	dir := t.TempDir()
	keyFile = filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(keyFile, []byte(testKeyPEM), 0o600); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "data"), keyFile
}

// pbxOK runs calltally --data data with args and fails unless it succeeds.
func pbxOK(t *testing.T, data, stdin string, args ...string) string {
	t.Helper()
	r := calltally(t, stdin, append([]string{"--data", data}, args...)...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.stderr)
	}
	return r.stdout
}

// pbxList returns pbx list --json by PBX name.
func pbxList(t *testing.T, data string) map[string]pbxRow {
	t.Helper()
	rows := map[string]pbxRow{}
	for _, line := range strings.Split(strings.TrimSpace(pbxOK(t, data, "", "pbx", "list", "--json")), "\n") {
		if line == "" {
			continue
		}
		var r pbxRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		rows[r.Name] = r
	}
	return rows
}

func TestPBXAddListEditRemove(t *testing.T) {
	data, keyFile := pbxSetup(t)
	pbxOK(t, data, "", "pbx", "add", "hq", "--driver", "avaya-ipo", "--listen", ":9000", "--tz", "Europe/Berlin", "--set", "trunk=line",
		"--answerer", "first", "--allow", "192.0.2.0/24")
	pbxOK(t, data, testPassword+"\nignored\n", "pbx", "add", "branch", "--driver", "avaya-ipo",
		"--sftp", "smdr@192.0.2.10:22/cdr", "--password-stdin", "--key-file", keyFile, "--disabled")

	table := pbxOK(t, data, "", "pbx", "list")
	want := []string{
		"TENANT NAME DRIVER TRANSPORT ADDRESS ZONE ANSWERER ALLOW ENABLED SECRET SETTINGS",
		"default branch avaya-ipo sftp smdr@192.0.2.10:22/cdr Local final any no yes -",
		"default hq avaya-ipo tcp-listen :9000 Europe/Berlin first 192.0.2.0/24 yes no trunk=line",
	}
	lines := strings.Split(strings.TrimSpace(table), "\n")
	for i := range lines {
		lines[i] = strings.Join(strings.Fields(lines[i]), " ")
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") || !strings.Contains(table, "ADDRESS                 ZONE") {
		t.Fatalf("list:\n%s\nwant the aligned columns of\n%s", table, strings.Join(want, "\n"))
	}

	pbxOK(t, data, "", "pbx", "edit", "hq", "--connect", "192.0.2.20:9100", "--allow", "", "--unset", "trunk", "--set", "voicemail=missed", "--disable")
	pbxOK(t, data, "", "pbx", "edit", "branch", "--enable", "--tz", "Europe/Vienna")
	rows := pbxList(t, data)
	wantRows := map[string]pbxRow{
		"hq": {Tenant: "default", Name: "hq", Driver: "avaya-ipo", Transport: "tcp-dial", Address: "192.0.2.20:9100",
			TimeZone: "Europe/Berlin", Answerer: "first", Allow: []string{}, Enabled: false, Secret: "no", Settings: map[string]string{"voicemail": "missed"}},
		"branch": {Tenant: "default", Name: "branch", Driver: "avaya-ipo", Transport: "sftp", Address: "smdr@192.0.2.10:22/cdr",
			TimeZone: "Europe/Vienna", Answerer: "final", Allow: []string{}, Enabled: true, Secret: "yes", Settings: map[string]string{}},
	}
	for name, w := range wantRows {
		if got := rows[name]; !equalRows(got, w) {
			t.Errorf("after edit, %s = %+v\nwant %+v", name, got, w)
		}
	}
	checkStoredSecret(t, data, "branch", storage.Secret{Password: testPassword, PrivateKey: testKeyPEM})
	for _, f := range []string{"master.db", "master.db-wal"} {
		if b, _ := os.ReadFile(filepath.Join(data, f)); strings.Contains(string(b), testPassword) {
			t.Errorf("%s contains the password in clear", f)
		}
	}

	if out := pbxOK(t, data, "", "pbx", "remove", "hq"); !strings.Contains(out, "removed pbx hq") {
		t.Errorf("remove said %q", out)
	}
	if rows := pbxList(t, data); len(rows) != 1 || rows["branch"].Name == "" {
		t.Fatalf("after remove: %v", rows)
	}
}

func equalRows(a, b pbxRow) bool {
	as, _ := json.Marshal(a)
	bs, _ := json.Marshal(b)
	return string(as) == string(bs)
}

// checkStoredSecret reads the credentials of PBX name through storage.
func checkStoredSecret(t *testing.T, data, name string, want storage.Secret) {
	t.Helper()
	st, err := storage.Open(t.Context(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := st.PBXSystem(t.Context(), storage.DefaultTenant, name)
	if err != nil || p.Secret != want {
		t.Fatalf("stored secret of %s: %v (equal: %v)", name, err, p.Secret == want)
	}
	if fi, err := os.Stat(filepath.Join(data, storage.SecretKeyFile)); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, %v", fi, err)
	}
}

func TestPBXEditCredentials(t *testing.T) {
	data, keyFile := pbxSetup(t)
	pbxOK(t, data, "old\n", "pbx", "add", "hq", "--driver", "avaya-ipo", "--sftp", "u@h:22/d", "--password-stdin", "--key-file", keyFile)
	steps := []struct {
		stdin string
		args  []string
		want  storage.Secret
	}{
		{"new\r\n", []string{"--password-stdin"}, storage.Secret{Password: "new", PrivateKey: testKeyPEM}},
		{"", []string{"--tz", "UTC"}, storage.Secret{Password: "new", PrivateKey: testKeyPEM}},
		{"", []string{"--dir", "cdr"}, storage.Secret{}}, // off SFTP: credentials dropped
	}
	for _, s := range steps {
		pbxOK(t, data, s.stdin, append([]string{"pbx", "edit", "hq"}, s.args...)...)
		checkStoredSecret(t, data, "hq", s.want)
	}
	if got := pbxList(t, data)["hq"].Address; !filepath.IsAbs(got) || filepath.Base(got) != "cdr" {
		t.Errorf("--dir cdr stored as %q, want an absolute path", got)
	}
}

func TestPBXUnreadableSecret(t *testing.T) {
	data, _ := pbxSetup(t)
	pbxOK(t, data, testPassword+"\n", "pbx", "add", "hq", "--driver", "avaya-ipo", "--sftp", "u@h:22/d", "--password-stdin")
	pbxOK(t, data, "", "pbx", "add", "plain", "--driver", "avaya-ipo", "--listen", ":9000")
	if err := os.WriteFile(filepath.Join(data, storage.SecretKeyFile), make([]byte, 32), 0o600); err != nil {
		t.Fatal(err)
	}
	r := calltally(t, "", "--data", data, "pbx", "list")
	if r.code != 1 || !strings.Contains(r.stdout, "unreadable") || !strings.Contains(r.stdout, "plain") ||
		strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, `pbx "hq"`) || !strings.Contains(r.stderr, "secret.key") {
		t.Fatalf("list with a replaced key: %+v", r)
	}
	// Other edits keep the stored credentials; new ones replace them.
	r = calltally(t, "", "--data", data, "pbx", "edit", "hq", "--tz", "UTC")
	if r.code != 0 || !strings.Contains(r.stderr, "warning") {
		t.Fatalf("edit --tz with unreadable credentials: %+v", r)
	}
	pbxOK(t, data, "fresh\n", "pbx", "edit", "hq", "--password-stdin")
	checkStoredSecret(t, data, "hq", storage.Secret{Password: "fresh"})
	if got := pbxList(t, data)["hq"]; got.TimeZone != "UTC" || got.Secret != "yes" {
		t.Fatalf("after the edits: %+v", got)
	}
}

func TestPBXErrorsAreOneLine(t *testing.T) {
	data, keyFile := pbxSetup(t)
	pbxOK(t, data, "", "pbx", "add", "hq", "--driver", "avaya-ipo", "--listen", ":9000")
	add := func(args ...string) []string {
		return append([]string{"--data", data, "pbx", "add", "x", "--driver", "avaya-ipo"}, args...)
	}
	edit := func(args ...string) []string { return append([]string{"--data", data, "pbx", "edit", "hq"}, args...) }
	notPEM := filepath.Join(t.TempDir(), "id.ppk")
	os.WriteFile(notPEM, []byte("PuTTY-User-Key-File-3: ssh-ed25519\n"), 0o600)
	tests := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"unknown driver", "", []string{"--data", data, "pbx", "add", "x", "--driver", "nope", "--listen", ":1"}, `unknown driver "nope" (valid: `},
		{"no driver", "", []string{"--data", data, "pbx", "add", "x", "--listen", ":1"}, "--driver is required"},
		{"no transport", "", add(), "give a transport: driver avaya-ipo reads from --listen, --connect, --sftp, --dir"},
		{"unsupported transport", "", add("--sftp-receive", ":2222"), `driver avaya-ipo does not support transport "sftp-receive" (it supports tcp-listen, tcp-dial, folder, sftp)`},
		{"two transports", "", add("--listen", ":1", "--dir", "/tmp"), "give one transport, not --listen and --dir"},
		{"set without =", "", add("--listen", ":1", "--set", "trunk"), `--set: want KEY=VALUE, got "trunk"`},
		{"unknown setting", "", add("--listen", ":1", "--set", "colour=red"), `has no setting "colour"`},
		{"bad setting value", "", add("--listen", ":1", "--set", "trunk=wire"), "want one of"},
		{"bad zone", "", add("--listen", ":1", "--tz", "Mars/Base"), `time zone "Mars/Base"`},
		{"bad allow entry", "", add("--listen", ":1", "--allow", "192.0.2.1,office"), `allow "office": want an IP address or a CIDR prefix`},
		{"allow without listen", "", add("--dir", "/tmp", "--allow", "192.0.2.1"), "an allow-list is only used by the tcp-listen transport, not folder"},
		{"bad glob", "", add("--dir", "/tmp", "--glob", "cdr_[0-9"), `glob "cdr_[0-9": syntax error in pattern`},
		{"glob without files", "", add("--listen", ":1", "--glob", "*.csv"), "a glob is for file transports (folder, sftp, sftp-receive), not tcp-listen"},
		{"processed without files", "", add("--connect", "h:1", "--processed", "done"), "a processed folder is for the folder and sftp transports, not tcp-dial"},
		{"bad answerer", "", add("--listen", ":1", "--answerer", "last"), `answerer "last": want final or first`},
		{"bad listen port", "", add("--listen", ":99999"), `tcp-listen address ":99999": want [HOST]:PORT`},
		{"dial without host", "", add("--connect", ":9000"), "want HOST:PORT"},
		{"sftp without user", "", add("--sftp", "192.0.2.1:22/cdr"), `sftp address "192.0.2.1:22/cdr": want USER@HOST:PORT/DIR`},
		{"sftp without dir", "", add("--sftp", "u@192.0.2.1:22"), "want USER@HOST:PORT/DIR"},
		{"sftp without port", "", add("--sftp", "u@192.0.2.1/cdr"), "want USER@HOST:PORT/DIR"},
		{"password without sftp", "pw\n", add("--listen", ":1", "--password-stdin"), "a password is only used by the sftp and sftp-receive transports, not tcp-listen"},
		{"key without sftp", "", add("--dir", "/tmp", "--key-file", keyFile), "a private key is only used by the sftp transport, not folder"},
		{"key not PEM", "", add("--sftp", "u@h:22/d", "--key-file", notPEM), "not in OpenSSH or PEM format"},
		{"key file missing", "", add("--sftp", "u@h:22/d", "--key-file", "/nonexistent/id"), "--key-file: open /nonexistent/id"},
		{"empty password", "\n", add("--sftp", "u@h:22/d", "--password-stdin"), "--password-stdin: no password"},
		{"duplicate name", "", []string{"--data", data, "pbx", "add", "hq", "--driver", "avaya-ipo", "--dir", "/tmp"}, `tenant default already has a pbx "hq"`},
		{"unknown tenant", "", add("--listen", ":1", "--tenant", "nobody"), `tenant "nobody": not found`},
		{"bad name", "", []string{"--data", data, "pbx", "add", " x", "--driver", "avaya-ipo", "--listen", ":1"}, `pbx name " x"`},
		{"edit nothing", "", edit(), "nothing to change"},
		{"edit enable and disable", "", edit("--enable", "--disable"), "give --enable or --disable, not both"},
		{"edit unknown pbx", "", []string{"--data", data, "pbx", "edit", "nope", "--tz", "UTC"}, `pbx "nope" of tenant "default": not found`},
		{"edit unset not set", "", edit("--unset", "trunk"), `has no setting "trunk"`},
		{"edit password on tcp", "pw\n", edit("--password-stdin"), "a password is only used by"},
		{"edit unknown driver", "", edit("--driver", "nope"), `unknown driver "nope"`},
		{"remove unknown", "", []string{"--data", data, "pbx", "remove", "nope"}, `remove pbx "nope" of tenant "default": not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := calltally(t, tt.stdin, tt.args...)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Fatalf("exit %d, stderr %q; want exit 1 and one line containing %q", r.code, r.stderr, tt.want)
			}
		})
	}
	if rows := pbxList(t, data); len(rows) != 1 || rows["hq"].Address != ":9000" {
		t.Fatalf("failed commands changed the configuration: %v", rows)
	}
}

func TestPBXUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"pbx"}, "pbx: want a subcommand: add, edit, list, remove or test"},
		{[]string{"pbx", "frobnicate", "hq"}, `pbx: unknown subcommand "frobnicate"`},
		{[]string{"pbx", "add", "--driver", "avaya-ipo"}, "pbx add: want one PBX NAME"},
		{[]string{"pbx", "remove"}, "pbx remove: want one PBX NAME"},
	}
	for _, tt := range tests {
		r := calltally(t, "", tt.args...)
		if r.code != 2 || !strings.HasPrefix(r.stderr, "calltally: "+tt.want) || !strings.Contains(r.stderr, "pbx add|list|edit|remove NAME") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2, %q and the usage", tt.args, r.code, r.stderr, tt.want)
		}
	}
}

func TestPBXForgetHostKey(t *testing.T) {
	data, _ := pbxSetup(t)
	pbxOK(t, data, testPassword+"\n", "pbx", "add", "branch", "--driver", "avaya-ipo", "--sftp", "smdr@192.0.2.10:22/cdr", "--password-stdin")
	st, err := storage.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ten, _ := st.Tenant(ctx, storage.DefaultTenant)
	id, _ := ten.PBX(ctx, "branch", "avaya-ipo")
	ten.PinHostKey(ctx, id, "192.0.2.10:22", []byte("old server key"))
	st.Close()
	out := pbxOK(t, data, "", "pbx", "edit", "branch", "--forget-host-key")
	if !strings.Contains(out, "forgot 1 pinned host key(s)") {
		t.Errorf("edit said %q", out)
	}
}
