package collector

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path"
	"sort"
	"strings"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
)

// sftpIdle is how long an SFTP connection may carry no data before it is
// dropped and reopened. Polls every pollEvery keep a live connection busy,
// so only a server that vanished (no RST) stays silent this long.
const sftpIdle = time.Minute

// errHostKeyChanged is reported when a server shows another host key than
// the one pinned the first time: it may be an impostor, so the collector
// neither logs in nor reads until the pinned key is forgotten.
var errHostKeyChanged = errors.New("the SSH host key changed")

// sftpPoll polls a directory on the PBX's SSH server (address
// USER@HOST:PORT/DIR; DIR is relative to the login directory, //DIR is
// absolute) the way folder polls a local one: each file resumes from its
// committed position, its first KiB tells an overwrite, and only complete
// lines are read until it settles. Files read to their end move to the
// processed folder if there is one, else stay, remembered by position.
type sftpPoll struct {
	user, host, dir string // host is HOST:PORT
	auth            []ssh.AuthMethod
	drv             *drivers.Driver
	rules           fileRules
	// seen holds what the polls saw of each remote file. The settle time
	// is measured on our clock, as the server's may be wrong.
	seen map[string]*fileSeen
}

// A fileSeen is a remote file as the polls last saw it.
type fileSeen struct {
	remote string // its path on the server
	key    string // its position's key
	size   int64
	mod    time.Time
	since  time.Time // since when size and mod are as they are
	// read is set once the file is committed to its end: while its size
	// and time stay the same it is not opened again (an overwrite within
	// the same second to the same size goes unnoticed until a restart).
	read bool
}

func newSFTPPoll(sys storage.PBXSystem, drv *drivers.Driver) (Source, error) {
	user, host, dir, err := parseSFTPAddress(sys.Address)
	if err != nil {
		return nil, err
	}
	auth, err := sftpAuth(sys.Secret)
	if err != nil {
		return nil, err
	}
	return &sftpPoll{user: user, host: host, dir: dir, auth: auth, drv: drv, rules: rulesOf(sys), seen: map[string]*fileSeen{}}, nil
}

// parseSFTPAddress splits USER@HOST:PORT/DIR.
func parseSFTPAddress(address string) (user, host, dir string, err error) {
	login, dir, _ := strings.Cut(address, "/")
	at := strings.LastIndex(login, "@")
	if at <= 0 || dir == "" {
		return "", "", "", fmt.Errorf("sftp address %q: want USER@HOST:PORT/DIR", address)
	}
	if _, _, err := net.SplitHostPort(login[at+1:]); err != nil {
		return "", "", "", fmt.Errorf("sftp address %q: %w", address, err)
	}
	return login[:at], login[at+1:], dir, nil
}

// sftpAuth returns the ways to log in that the credentials allow: the key
// first, then the password (also answered to keyboard-interactive prompts,
// which some servers use for passwords).
func sftpAuth(sec storage.Secret) ([]ssh.AuthMethod, error) {
	if sec.Unreadable() {
		return nil, fmt.Errorf("sftp: %w", storage.ErrSecretUnreadable)
	}
	var auth []ssh.AuthMethod
	if sec.PrivateKey != "" {
		signer, err := ssh.ParsePrivateKey([]byte(sec.PrivateKey))
		if err != nil {
			return nil, fmt.Errorf("sftp private key (passphrase-protected keys are not supported): %w", err)
		}
		auth = append(auth, ssh.PublicKeys(signer))
	}
	if sec.Password != "" {
		auth = append(auth, ssh.Password(sec.Password), ssh.KeyboardInteractive(answerAll(sec.Password)))
	}
	if len(auth) == 0 {
		return nil, errors.New("sftp needs a password or a private key to log in with")
	}
	return auth, nil
}

// answerAll answers every keyboard-interactive prompt with password.
func answerAll(password string) ssh.KeyboardInteractiveChallenge {
	return func(_, _ string, questions []string, _ []bool) ([]string, error) {
		answers := make([]string, len(questions))
		for i := range answers {
			answers[i] = password
		}
		return answers, nil
	}
}

// Run connects, polls until the connection fails, and reconnects with
// capped exponential backoff and jitter.
func (s *sftpPoll) Run(ctx context.Context, p *pipe) error {
	for wait := time.Second; ctx.Err() == nil; {
		c, err := s.connect(ctx, p)
		if err != nil {
			s.unavailable(ctx, p, err)
			sleep(ctx, jitter(wait))
			wait = backoff(wait)
			continue
		}
		wait = time.Second
		err = s.poll(ctx, p, c)
		c.Close()
		s.unavailable(ctx, p, err)
		sleep(ctx, jitter(wait))
	}
	return nil
}

// unavailable reports why the server cannot be read.
func (s *sftpPoll) unavailable(ctx context.Context, p *pipe, err error) {
	p.status.set(stateWaiting)
	if err != nil && ctx.Err() == nil {
		p.status.fail(err)
		slog.Warn("SFTP server unavailable", slog.String("host", s.host), slog.Any("error", err))
	}
}

// An sftpConn is an SFTP session and the SSH connection it runs on.
type sftpConn struct {
	*sftp.Client
	ssh  *ssh.Client
	stop func() bool // stops closing the connection when ctx ends
}

func (c *sftpConn) Close() {
	c.stop()
	c.Client.Close()
	c.ssh.Close()
}

// connect logs in to the server, checking its host key (see checkHostKey),
// and opens an SFTP session.
func (s *sftpPoll) connect(ctx context.Context, p *pipe) (*sftpConn, error) {
	algorithms, err := s.hostKeyAlgorithms(ctx, p)
	if err != nil {
		return nil, err
	}
	config := &ssh.ClientConfig{User: s.user, Auth: s.auth, HostKeyCallback: s.checkHostKey(ctx, p),
		HostKeyAlgorithms: algorithms}
	d := net.Dialer{Timeout: 10 * time.Second, KeepAlive: keepAlive}
	nc, err := d.DialContext(ctx, "tcp", s.host)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", s.host, err)
	}
	stop := context.AfterFunc(ctx, func() { nc.Close() })
	conn, chans, reqs, err := ssh.NewClientConn(idleConn{nc, sftpIdle}, s.host, config)
	if err != nil {
		stop()
		nc.Close()
		return nil, fmt.Errorf("log in to %s as %s: %w", s.host, s.user, err)
	}
	client := ssh.NewClient(conn, chans, reqs)
	session, err := sftp.NewClient(client)
	if err != nil {
		stop()
		client.Close()
		return nil, fmt.Errorf("start sftp on %s: %w", s.host, err)
	}
	return &sftpConn{Client: session, ssh: client, stop: stop}, nil
}

// checkHostKey pins the server's host key the first time (trust on first
// use) and then accepts only that key.
func (s *sftpPoll) checkHostKey(ctx context.Context, p *pipe) ssh.HostKeyCallback {
	return func(_ string, _ net.Addr, key ssh.PublicKey) error {
		pinned, ok, err := p.tenant.HostKey(ctx, p.pbxID, s.host)
		if err != nil {
			return err
		}
		if !ok {
			return s.pin(ctx, p, key)
		}
		if !bytes.Equal(pinned, key.Marshal()) {
			return fmt.Errorf("%w on %s: pinned %s, shown %s (if the server was replaced on purpose, forget the pinned key)",
				errHostKeyChanged, s.host, keyFingerprint(pinned), ssh.FingerprintSHA256(key))
		}
		return nil
	}
}

func (s *sftpPoll) pin(ctx context.Context, p *pipe, key ssh.PublicKey) error {
	if err := p.tenant.PinHostKey(ctx, p.pbxID, s.host, key.Marshal()); err != nil {
		return err
	}
	slog.Info("SSH host key pinned", slog.String("host", s.host), slog.String("fingerprint", ssh.FingerprintSHA256(key)))
	return nil
}

// hostKeyAlgorithms limits the handshake to the type of the pinned key, so
// that a server with several host keys shows the pinned one; with none
// pinned, any.
func (s *sftpPoll) hostKeyAlgorithms(ctx context.Context, p *pipe) ([]string, error) {
	pinned, ok, err := p.tenant.HostKey(ctx, p.pbxID, s.host)
	if err != nil || !ok {
		return nil, err
	}
	key, err := ssh.ParsePublicKey(pinned)
	if err != nil {
		return nil, fmt.Errorf("pinned host key of %s: %w", s.host, err)
	}
	if key.Type() == ssh.KeyAlgoRSA {
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}, nil
	}
	return []string{key.Type()}, nil
}

// keyFingerprint is ssh.FingerprintSHA256 of a key in wire format.
func keyFingerprint(wire []byte) string {
	sum := sha256.Sum256(wire)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// idleConn ends a read that waits longer than idle for data.
type idleConn struct {
	net.Conn
	idle time.Duration
}

func (c idleConn) Read(b []byte) (int, error) {
	c.Conn.SetReadDeadline(time.Now().Add(c.idle))
	return c.Conn.Read(b)
}

// poll scans the directory every pollEvery until ctx ends or the
// connection is lost. An error that leaves the connection up (a file that
// cannot be read) is reported and the next scan tries again.
func (s *sftpPoll) poll(ctx context.Context, p *pipe, c *sftpConn) error {
	for ctx.Err() == nil {
		p.status.set(statePolling)
		if err := s.scan(ctx, p, c); err != nil && ctx.Err() == nil {
			if _, lost := c.Getwd(); lost != nil {
				return err
			}
			p.status.fail(err)
		}
		sleep(ctx, pollEvery)
	}
	return nil
}

// scan reads every file of the directory, oldest name first, skipping
// sub-folders, links and files still being uploaded, as folder does.
func (s *sftpPoll) scan(ctx context.Context, p *pipe, c *sftpConn) error {
	entries, err := c.ReadDirContext(ctx, s.dir)
	if err != nil {
		return fmt.Errorf("read %s on %s: %w", s.dir, s.host, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, fi := range entries {
		if !fi.Mode().IsRegular() || !s.rules.wants(fi.Name()) {
			continue
		}
		done, err := s.readFile(ctx, p, c, fi)
		if err == nil && done && s.rules.processed != "" {
			err = s.retire(c, fi.Name())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// retire moves a read remote file to the processed folder.
func (s *sftpPoll) retire(c *sftpConn, name string) error {
	to := s.rules.processed
	if !path.IsAbs(to) {
		to = path.Join(s.dir, to)
	}
	if err := c.MkdirAll(to); err != nil {
		return fmt.Errorf("processed folder %s on %s: %w", to, s.host, err)
	}
	dst := freeName(path.Join(to, name), func(p string) bool {
		_, err := c.Lstat(p)
		return err == nil
	})
	from := path.Join(s.dir, name)
	if err := c.Rename(from, dst); err != nil {
		return fmt.Errorf("move %s on %s to the processed folder: %w", from, s.host, err)
	}
	delete(s.seen, from)
	return nil
}

// readFile stores the records of one remote file after its committed
// position and commits the new position with them (see folder.readFile).
// done reports that the file has settled and all of it is committed.
func (s *sftpPoll) readFile(ctx context.Context, p *pipe, c *sftpConn, fi os.FileInfo) (done bool, err error) {
	f := s.see(path.Join(s.dir, fi.Name()), fi)
	if f.read {
		return f.settled(), nil // unchanged since it was read to its end
	}
	pos, known, err := p.position(ctx, f.key)
	if err != nil {
		return false, err
	}
	if known && f.size == pos.Offset && s.samePrefix(c, f.remote, pos) {
		f.read = true
		return f.settled(), nil
	}
	data, err := download(c, f.remote)
	if err != nil {
		return false, err
	}
	from, end := resumeAt(data, pos, known), s.settledEnd(f, data)
	if end <= from {
		return false, nil
	}
	if err := (&folder{drv: s.drv}).send(ctx, p, f.key, data[:end], from, f.mod); err != nil {
		return false, err
	}
	f.read = end == int64(len(data)) && end == f.size
	return f.read && f.settled(), nil
}

// settled reports that the polls have seen the file unchanged for the
// settle time: its writer is done with it.
func (f *fileSeen) settled() bool { return time.Since(f.since) > settle }

// see returns what the polls know of the remote file, afresh when its
// size or time changed.
func (s *sftpPoll) see(remote string, fi os.FileInfo) *fileSeen {
	f := s.seen[remote]
	if f == nil || f.size != fi.Size() || !f.mod.Equal(fi.ModTime()) {
		key := fmt.Sprintf("sftp://%s@%s/%s", s.user, s.host, remote)
		f = &fileSeen{remote: remote, key: key, size: fi.Size(), mod: fi.ModTime(), since: time.Now()}
		s.seen[remote] = f
	}
	return f
}

// settledEnd is readableEnd on our clock: the file settles once the polls
// have seen it unchanged for the settle time, and one that grew since it
// was listed has not.
func (s *sftpPoll) settledEnd(f *fileSeen, data []byte) int64 {
	since := f.since
	if int64(len(data)) != f.size {
		since = time.Now()
	}
	return readableEnd(data, since, s.drv)
}

// samePrefix reports whether the remote file still starts as it did when
// pos was committed.
func (s *sftpPoll) samePrefix(c *sftpConn, remote string, pos storage.Position) bool {
	f, err := c.Open(remote)
	if err != nil {
		return false
	}
	defer f.Close()
	return startsAs(f, pos)
}

func download(c *sftpConn, remote string) ([]byte, error) {
	f, err := c.Open(remote)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", remote, err)
	}
	defer f.Close()
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("read %s: %w", remote, err)
	}
	return b.Bytes(), nil
}
