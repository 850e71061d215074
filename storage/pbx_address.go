package storage

import "calltally.app/drivers"

// CheckAddress reports whether address has the shape transport needs (as
// Check does), so that a form can name the address field in its message.
func CheckAddress(transport, address string) error {
	return checkAddress(drivers.Transport(transport), address)
}
