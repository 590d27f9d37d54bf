package data

import (
	"fmt"
	"net/mail"
	"strconv"
	"strings"
)

// MailSecurity is how the connection to the organisation's mail server is protected.
type MailSecurity string

const (
	SecurityNone     MailSecurity = "none"     // plain text: only for a server on this computer or network
	SecurityStartTLS MailSecurity = "starttls" // plain connection upgraded with STARTTLS (port 587)
	SecurityTLS      MailSecurity = "tls"      // TLS from the first byte (port 465)
)

// MailSettingKeys are the keys of the mail settings, as `settings set` takes them.
var MailSettingKeys = []string{"mail.host", "mail.port", "mail.security", "mail.username", "mail.from", "mail.replyto"}

// MailSettings say how MentorDesk reaches the organisation's mail server. The password is never
// here: it lives in the operating system's credential store.
type MailSettings struct {
	Host     string
	Port     int
	Security MailSecurity
	Username string // empty when the server takes mail without signing in
	From     string // "Name <address>"
	ReplyTo  string // optional "Name <address>"
}

// DefaultMailSettings are those of a new database: the submission port with STARTTLS.
func DefaultMailSettings() MailSettings { return MailSettings{Port: 587, Security: SecurityStartTLS} }

// Get returns the text form of one mail key.
func (m MailSettings) Get(key string) (string, error) {
	switch key {
	case "mail.host":
		return m.Host, nil
	case "mail.port":
		return strconv.Itoa(m.Port), nil
	case "mail.security":
		return string(m.Security), nil
	case "mail.username":
		return m.Username, nil
	case "mail.from":
		return m.From, nil
	case "mail.replyto":
		return m.ReplyTo, nil
	}
	return "", fmt.Errorf("%q is not a mail setting (keys: %s)", key, strings.Join(MailSettingKeys, ", "))
}

// Set parses and stores one mail key; a bad value leaves m unchanged.
func (m *MailSettings) Set(key, value string) error {
	v := strings.TrimSpace(value)
	switch key {
	case "mail.host":
		if strings.ContainsAny(v, " /\\@:") && !strings.HasPrefix(v, "[") {
			return fmt.Errorf("%s: %q is not a host name (like smtp.example.org)", key, value)
		}
		if len(v) > 253 {
			return fmt.Errorf("%s: a host name has at most 253 characters", key)
		}
		m.Host = v
	case "mail.port":
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%s: %q is not a port number (1–65535; usually 587, or 465 for tls)", key, value)
		}
		m.Port = n
	case "mail.security":
		s := MailSecurity(strings.ToLower(v))
		if s != SecurityNone && s != SecurityStartTLS && s != SecurityTLS {
			return fmt.Errorf("%s: %q is not a kind of security (none, starttls, tls)", key, value)
		}
		m.Security = s
	case "mail.username":
		if len(v) > 320 || strings.ContainsAny(v, "\r\n") {
			return fmt.Errorf("%s: %q is not a user name", key, value)
		}
		m.Username = v
	case "mail.from":
		if v == "" {
			m.From = ""
			return nil
		}
		a, err := ParseMailbox(v)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		m.From = a
	case "mail.replyto":
		if v == "" {
			m.ReplyTo = ""
			return nil
		}
		a, err := ParseMailbox(v)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		m.ReplyTo = a
	default:
		_, err := m.Get(key)
		return err
	}
	return nil
}

// Ready reports what is missing before a message can be sent, in the words of the settings.
func (m MailSettings) Ready() error {
	var missing []string
	if m.Host == "" {
		missing = append(missing, "mail.host (the mail server)")
	}
	if m.From == "" {
		missing = append(missing, "mail.from (the sender, like \"Name <address>\")")
	}
	if len(missing) > 0 {
		return fmt.Errorf("e-mail is not set up yet: set %s in Settings → E-mail or with `mentordesk settings set`", strings.Join(missing, " and "))
	}
	return nil
}

// FromAddress is the bare address of the sender ("" when unset).
func (m MailSettings) FromAddress() string {
	a, err := mail.ParseAddress(m.From)
	if err != nil {
		return ""
	}
	return a.Address
}

// ParseMailbox checks one "Name <address>" or bare address and returns it in a normal form.
func ParseMailbox(v string) (string, error) {
	v = strings.TrimSpace(v)
	a, err := mail.ParseAddress(v)
	if i := strings.LastIndexByte(v, '<'); err != nil && i > 0 && strings.HasSuffix(v, ">") {
		// A name with punctuation typed without quotes: "Cascade Mentors, Inc. <office@example.org>".
		if b, err2 := mail.ParseAddress(v[i:]); err2 == nil {
			a, err = &mail.Address{Name: strings.Trim(strings.TrimSpace(v[:i]), `"`), Address: b.Address}, nil
		}
	}
	if err != nil || !strings.Contains(a.Address, "@") || strings.HasPrefix(a.Address, "@") || strings.HasSuffix(a.Address, "@") {
		return "", fmt.Errorf("%q is not an e-mail address (like \"Name <name@example.org>\")", v)
	}
	if a.Name == "" {
		return a.Address, nil
	}
	return FormatMailbox(a.Name, a.Address), nil
}

// FormatMailbox writes "Name <address>", quoting a name that holds punctuation mail headers use.
func FormatMailbox(name, address string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return address
	}
	if strings.ContainsAny(name, `,;:<>@()[]".\`) {
		name = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	return name + " <" + address + ">"
}
