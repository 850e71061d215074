package collector

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
)

// hostKeyFile is the embedded SFTP server's host key in the data
// directory, made on first use and shared by every sftp-receive PBX, so
// that PBXs pin one key however often the collector restarts.
const hostKeyFile = "ssh_host_ed25519_key"

// loginTimeout bounds the SSH handshake and login of a connecting client.
const loginTimeout = 30 * time.Second

// sftpReceive runs an SFTP server on the PBX's address (HOST:PORT) with
// one account: the PBX's name and password. Uploads land in the PBX's
// inbox, <data dir>/inbox/<tenant>/<pbx>/, which a folder source reads.
//
// Each PBX has its own server on its own port: two PBXs configured on one
// port do not share it, the second reports the port as in use.
type sftpReceive struct {
	addr     string
	user     string
	password string
	inbox    string
	dataDir  string
	drv      *drivers.Driver
	rules    fileRules
}

func newSFTPReceive(sys storage.PBXSystem, drv *drivers.Driver, dataDir string) (Source, error) {
	if sys.Secret.Unreadable() {
		return nil, fmt.Errorf("sftp-receive: %w", storage.ErrSecretUnreadable)
	}
	if sys.Secret.Password == "" {
		return nil, errors.New("sftp-receive needs the password the PBX logs in with")
	}
	for _, part := range []string{sys.Tenant, sys.Name} {
		if !filepath.IsLocal(part) || strings.ContainsAny(part, `/\`) {
			return nil, fmt.Errorf("sftp-receive: %q cannot name an inbox folder", part)
		}
	}
	// Read files leave the inbox, which would otherwise grow for ever;
	// the raw-record retention prunes them (see pruneInboxes).
	rules := rulesOf(sys)
	rules.processed = inboxProcessed
	return &sftpReceive{addr: sys.Address, user: sys.Name, password: sys.Secret.Password,
		inbox: filepath.Join(dataDir, "inbox", sys.Tenant, sys.Name), dataDir: dataDir, drv: drv, rules: rules}, nil
}

// Run serves until ctx ends, while the inbox is read as a folder. A port
// that cannot be had, or a host key that cannot be made, is reported and
// tried again with backoff.
func (s *sftpReceive) Run(ctx context.Context, p *pipe) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() { s.ingest(ctx, p) })
	for wait := time.Second; ctx.Err() == nil; wait = backoff(wait) {
		if err := s.listen(ctx, p); err != nil {
			p.status.fail(err)
			p.status.set(stateWaiting)
			sleep(ctx, jitter(wait))
		}
	}
	return nil
}

// listen serves on the PBX's address until ctx ends or the server fails.
func (s *sftpReceive) listen(ctx context.Context, p *pipe) error {
	srv, err := s.server(p.status)
	if err != nil {
		return err
	}
	lc := net.ListenConfig{KeepAlive: keepAlive}
	ln, err := lc.Listen(ctx, "tcp", s.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.addr, err)
	}
	p.status.set(stateListening)
	slog.Info("SFTP server listening", slog.String("pbx", s.user), slog.String("address", s.addr),
		slog.String("host_key", ssh.FingerprintSHA256(srv.hostKey.PublicKey())))
	return srv.serve(ctx, ln)
}

func (s *sftpReceive) server(st *status) (*sftpServer, error) {
	if err := os.MkdirAll(s.inbox, 0o750); err != nil {
		return nil, fmt.Errorf("sftp inbox: %w", err)
	}
	key, err := loadHostKey(s.dataDir)
	if err != nil {
		return nil, err
	}
	srv := newSFTPServer(s.user, s.password, s.inbox, key)
	srv.status = st
	return srv, nil
}

// ingest reads the inbox as a folder source does, leaving the state to
// the server: it is listening, not polling.
func (s *sftpReceive) ingest(ctx context.Context, p *pipe) {
	f := &folder{dir: s.inbox, drv: s.drv, rules: s.rules}
	for ctx.Err() == nil {
		if err := f.scan(ctx, p); err != nil && ctx.Err() == nil {
			p.status.fail(err)
		}
		sleep(ctx, pollEvery)
	}
}

// loadHostKey returns the server's host key from the data directory,
// making it on first use.
func loadHostKey(dataDir string) (ssh.Signer, error) {
	file := filepath.Join(dataDir, hostKeyFile)
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = createHostKey(file)
	}
	if err != nil {
		return nil, fmt.Errorf("ssh host key %s: %w", file, err)
	}
	key, err := ssh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("ssh host key %s: %w", file, err)
	}
	return key, nil
}

// createHostKey writes a new ed25519 key to file, readable by its owner
// only. It is written aside and linked into place, so a reader never sees
// half a key and, of two collectors starting at once, the first one wins.
func createHostKey(file string) ([]byte, error) {
	_, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := ssh.MarshalPrivateKey(private, "calltally collector")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	tmp, err := os.CreateTemp(filepath.Dir(file), ".ssh_host_key-*") // mode 0600
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), file)
	}
	if errors.Is(err, fs.ErrExist) {
		return os.ReadFile(file)
	}
	return data, err
}

// An sftpServer accepts one account over SSH and serves it the SFTP
// subsystem only, chrooted to one folder (see inboxFS).
type sftpServer struct {
	config  *ssh.ServerConfig
	hostKey ssh.Signer
	user    string
	inbox   string
	status  *status
	// files serves a session's SFTP requests: the inbox (serveSFTP), or
	// in tests a whole file system, as a PBX's own SSH server is.
	files func(ssh.Channel)
}

func newSFTPServer(user, password, inbox string, hostKey ssh.Signer) *sftpServer {
	want := sha256.Sum256([]byte(password))
	config := &ssh.ServerConfig{
		MaxAuthTries: 3,
		PasswordCallback: func(c ssh.ConnMetadata, given []byte) (*ssh.Permissions, error) {
			got := sha256.Sum256(given) // compared in constant time, whatever the lengths
			if c.User() == user && password != "" && subtle.ConstantTimeCompare(got[:], want[:]) == 1 {
				return nil, nil
			}
			return nil, fmt.Errorf("wrong user name or password for %q", c.User())
		},
	}
	config.AddHostKey(hostKey)
	s := &sftpServer{config: config, hostKey: hostKey, user: user, inbox: inbox, status: &status{}}
	s.files = s.serveSFTP
	return s
}

// serve accepts connections on ln until ctx ends, which closes ln and
// every connection, or until ln fails. It returns when they are closed.
func (s *sftpServer) serve(ctx context.Context, ln net.Listener) error {
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		conn, err := ln.Accept()
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			ln.Close()
			return fmt.Errorf("accept on %s: %w", ln.Addr(), err)
		}
		wg.Go(func() { s.handle(ctx, conn) })
	}
}

// handle logs a client in and serves its sessions until it leaves.
func (s *sftpServer) handle(ctx context.Context, nc net.Conn) {
	defer nc.Close()
	stop := context.AfterFunc(ctx, func() { nc.Close() })
	defer stop()
	nc.SetDeadline(time.Now().Add(loginTimeout))
	conn, chans, reqs, err := ssh.NewServerConn(nc, s.config)
	if err != nil {
		s.refused(nc, err)
		return
	}
	defer conn.Close()
	nc.SetDeadline(time.Time{})
	go ssh.DiscardRequests(reqs)
	slog.Info("SFTP client logged in", slog.String("pbx", s.user), slog.String("peer", nc.RemoteAddr().String()))
	s.status.set(stateConnected)
	defer s.status.set(stateListening)
	s.sessions(chans)
}

// sessions serves the client's sessions until it leaves.
func (s *sftpServer) sessions(chans <-chan ssh.NewChannel) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for nch := range chans {
		if nch.ChannelType() != "session" {
			nch.Reject(ssh.UnknownChannelType, "only sessions are served")
			continue
		}
		if ch, reqs, err := nch.Accept(); err == nil {
			wg.Go(func() { s.session(ch, reqs) })
		}
	}
}

// refused logs a failed login and, when credentials were wrong (not a
// port scan or a health check), shows it in the PBX's status: a PBX set
// up with the wrong password is the usual cause.
func (s *sftpServer) refused(nc net.Conn, err error) {
	peer := nc.RemoteAddr().String()
	var authErr *ssh.ServerAuthError
	if !errors.As(err, &authErr) {
		slog.Debug("SFTP connection ended before login", slog.String("pbx", s.user), slog.String("peer", peer), slog.Any("error", err))
		return
	}
	slog.Warn("SFTP login refused", slog.String("pbx", s.user), slog.String("peer", peer), slog.Any("error", err))
	s.status.fail(fmt.Errorf("SFTP login from %s refused: %w", peer, err))
}

// session serves the sftp subsystem, and refuses shells and commands.
func (s *sftpServer) session(ch ssh.Channel, reqs <-chan *ssh.Request) {
	defer ch.Close()
	for req := range reqs {
		ok := isSFTP(req)
		req.Reply(ok, nil)
		if ok {
			go ssh.DiscardRequests(reqs)
			s.files(ch)
			return
		}
	}
}

func isSFTP(req *ssh.Request) bool {
	var sub struct{ Name string }
	return req.Type == "subsystem" && ssh.Unmarshal(req.Payload, &sub) == nil && sub.Name == "sftp"
}

func (s *sftpServer) serveSFTP(ch ssh.Channel) {
	root, err := os.OpenRoot(s.inbox)
	if err != nil {
		slog.Error("Cannot open the SFTP inbox", slog.String("pbx", s.user), slog.Any("error", err))
		return
	}
	defer root.Close()
	inbox := &inboxFS{root: root, pbx: s.user}
	rs := sftp.NewRequestServer(ch, sftp.Handlers{FileGet: inbox, FilePut: inbox, FileCmd: inbox, FileList: inbox})
	if err := rs.Serve(); err != nil && !errors.Is(err, io.EOF) {
		slog.Info("SFTP session ended", slog.String("pbx", s.user), slog.Any("error", err))
	}
	rs.Close()
}
