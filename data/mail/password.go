package mail

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/zalando/go-keyring"

	"mentordesk/data"
)

// PasswordVariable overrides the stored password, for scripts and servers without a keyring.
const PasswordVariable = "MENTORDESK_SMTP_PASSWORD"

// keyringService names MentorDesk's entries in the credential store.
const keyringService = "MentorDesk mail"

func keyringUser(set data.MailSettings) string { return set.Username + "@" + set.Host }

// Password finds the mail server's password: MENTORDESK_SMTP_PASSWORD when set, else the
// operating system's credential store (Windows Credential Manager, macOS Keychain, Secret
// Service). With no user name there is none to find.
func Password(set data.MailSettings) (string, error) {
	if v, ok := os.LookupEnv(PasswordVariable); ok {
		return v, nil
	}
	if set.Username == "" {
		return "", nil
	}
	pw, err := keyring.Get(keyringService, keyringUser(set))
	if errors.Is(err, keyring.ErrNotFound) {
		return "", fmt.Errorf("no password is stored for %s at %s: enter it in Settings → E-mail, or set %s", set.Username, set.Host, PasswordVariable)
	}
	if err != nil {
		return "", fmt.Errorf("the credential store could not be read (%v): set %s for the mail password", err, PasswordVariable)
	}
	return pw, nil
}

// SavePassword keeps the password in the operating system's credential store, never in the
// database; an empty password removes it.
func SavePassword(set data.MailSettings, password string) error {
	if set.Username == "" || set.Host == "" {
		return errors.New("a password needs the server and the user name first")
	}
	if strings.TrimSpace(password) == "" {
		err := keyring.Delete(keyringService, keyringUser(set))
		if errors.Is(err, keyring.ErrNotFound) {
			return nil
		}
		return err
	}
	if err := keyring.Set(keyringService, keyringUser(set), password); err != nil {
		return fmt.Errorf("the credential store could not keep the password (%v); set %s instead", err, PasswordVariable)
	}
	return nil
}

// HasPassword tells whether the credential store holds a password for these settings.
func HasPassword(set data.MailSettings) bool {
	if set.Username == "" {
		return false
	}
	_, err := keyring.Get(keyringService, keyringUser(set))
	return err == nil
}

// UseMemoryCredentials keeps passwords in memory instead of the operating system's store: for
// tests, which must not touch the tester's own keyring.
func UseMemoryCredentials() { keyring.MockInit() }
