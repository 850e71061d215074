package storage

import (
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"calltally.app/drivers"
)

// redacted is what a Secret shows instead of its contents, wherever it is
// printed, logged or marshalled.
const redacted = "[redacted]"

// A Secret holds the credentials of a PBX in clear, in memory only: the
// database keeps them encrypted with the installation key (see
// secret_key.go). Every way of printing a Secret shows "[redacted]", so
// that a PBXSystem can be logged or dumped without leaking them.
type Secret struct {
	Password   string // SFTP password: ours on the PBX, or the PBX's on our server
	PrivateKey string // PEM private key we log in to the PBX's SFTP server with

	// unreadable marks credentials that are stored but could not be
	// decrypted; UpdatePBXSystem then keeps the stored ones untouched.
	unreadable bool
}

// IsZero reports whether there are no credentials.
func (s Secret) IsZero() bool { return s.Password == "" && s.PrivateKey == "" && !s.unreadable }

// Unreadable reports whether the database holds credentials for the PBX
// that could not be decrypted (the error returned with the PBX says why).
func (s Secret) Unreadable() bool { return s.unreadable }

func (Secret) String() string             { return redacted }
func (Secret) GoString() string           { return redacted }
func (Secret) Format(f fmt.State, _ rune) { io.WriteString(f, redacted) }
func (Secret) LogValue() slog.Value       { return slog.StringValue(redacted) }

// MarshalJSON tells whether there are credentials, not what they are.
func (s Secret) MarshalJSON() ([]byte, error) {
	if s.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(redacted)
}

// check reports whether the credentials are of a kind transport t uses: a
// password for SFTP either way, a private key only to log in to the PBX.
func (s Secret) check(t drivers.Transport) error {
	if s.Password != "" && t != drivers.SFTP && t != drivers.SFTPReceive {
		return fmt.Errorf("a password is only used by the %s and %s transports, not %s", drivers.SFTP, drivers.SFTPReceive, t)
	}
	if s.PrivateKey == "" {
		return nil
	}
	if t != drivers.SFTP {
		return fmt.Errorf("a private key is only used by the %s transport, not %s", drivers.SFTP, t)
	}
	if block, _ := pem.Decode([]byte(s.PrivateKey)); block == nil || !strings.HasSuffix(block.Type, "PRIVATE KEY") {
		return errors.New("the private key is not in OpenSSH or PEM format (export a PuTTY key as OpenSSH first)")
	}
	return nil
}

// sealedSecret is the plaintext that is encrypted into pbx_systems.secret.
// It is separate from Secret because Secret refuses to marshal itself.
type sealedSecret struct {
	Password   string `json:"password,omitempty"`
	PrivateKey string `json:"private_key,omitempty"`
}

// sealSecret encrypts s for the secret column; no credentials give NULL.
// The key is created on first use.
func sealSecret(dir string, s Secret) ([]byte, error) {
	if s.IsZero() {
		return nil, nil
	}
	plain, err := json.Marshal(sealedSecret{Password: s.Password, PrivateKey: s.PrivateKey})
	if err != nil {
		return nil, err
	}
	k := secretKey{dir: dir, create: true}
	return k.seal(plain)
}

// openSecret decrypts a secret column read with k.
func openSecret(k *secretKey, blob []byte) (Secret, error) {
	if blob == nil {
		return Secret{}, nil
	}
	plain, err := k.open(blob)
	if err != nil {
		return Secret{unreadable: true}, err
	}
	var s sealedSecret
	if err := json.Unmarshal(plain, &s); err != nil {
		return Secret{unreadable: true}, fmt.Errorf("decrypted secret is not JSON: %w", err)
	}
	return Secret{Password: s.Password, PrivateKey: s.PrivateKey}, nil
}
