package storage

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// SecretKeyFile is the installation key's file in the data directory: 32
// random bytes, readable by the owner only, that encrypt the PBX
// credentials. A backup of master.db is useless for them without it.
const SecretKeyFile = "secret.key"

const (
	keySize       = 32 // AES-256
	sealedVersion = 1  // first byte of every sealed value, for a future change of cipher
)

// sealedLabel is the additional data of every seal, so that a value sealed
// for another purpose with the same key would not open as credentials.
var sealedLabel = []byte("calltally pbx secret v1")

// secretKey is the installation key, read at most once per storage
// operation: it is not cached in the Store, so a key restored from a
// backup is used without reopening anything.
type secretKey struct {
	dir    string
	create bool // create the key file when absent (only to encrypt)
	aead   cipher.AEAD
	err    error
}

func (k *secretKey) path() string { return filepath.Join(k.dir, SecretKeyFile) }

func (k *secretKey) cipher() (cipher.AEAD, error) {
	if k.aead != nil || k.err != nil {
		return k.aead, k.err
	}
	key, err := k.load()
	if err == nil {
		k.aead, err = newAEAD(key)
	}
	if err != nil {
		k.err = fmt.Errorf("secret key %s: %w", k.path(), err)
	}
	return k.aead, k.err
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// load reads the key file, creating it first if allowed and absent.
func (k *secretKey) load() ([]byte, error) {
	key, err := os.ReadFile(k.path())
	if errors.Is(err, fs.ErrNotExist) && k.create {
		key, err = createKey(k.path())
	}
	if err != nil {
		return nil, err
	}
	if len(key) != keySize {
		return nil, fmt.Errorf("want %d bytes, the file has %d", keySize, len(key))
	}
	return key, nil
}

// createKey writes a new random key to path, unless another process got
// there first: the key is written to a temporary file and hard-linked into
// place, which fails if path exists, so nobody ever reads a half-written
// key or overwrites one that already encrypted something.
func createKey(path string) ([]byte, error) {
	key := make([]byte, keySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	tmp, err := writeTemp(filepath.Dir(path), key)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path)
	} else if err != nil {
		return nil, fmt.Errorf("create: %w", err)
	}
	return key, nil
}

// writeTemp writes data to a new file in dir with mode 0600 and returns
// its name.
func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".secret-key-*")
	if err != nil {
		return "", fmt.Errorf("create: %w", err)
	}
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("create: %w", err)
	}
	return f.Name(), nil
}

// seal encrypts plain as version, random nonce, ciphertext and tag.
func (k *secretKey) seal(plain []byte) ([]byte, error) {
	aead, err := k.cipher()
	if err != nil {
		return nil, err
	}
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(plain)+aead.Overhead())
	out[0] = sealedVersion
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, err
	}
	return aead.Seal(out, out[1:], plain, sealedLabel), nil
}

// open decrypts what seal wrote.
func (k *secretKey) open(sealed []byte) ([]byte, error) {
	aead, err := k.cipher()
	if err != nil {
		return nil, err
	}
	if len(sealed) < 1+aead.NonceSize() || sealed[0] != sealedVersion {
		return nil, errors.New("stored value is not a sealed secret of this version")
	}
	nonce, body := sealed[1:1+aead.NonceSize()], sealed[1+aead.NonceSize():]
	plain, err := aead.Open(nil, nonce, body, sealedLabel)
	if err != nil {
		return nil, fmt.Errorf("not with the key in %s (was it replaced?): %w", k.path(), err)
	}
	return plain, nil
}
