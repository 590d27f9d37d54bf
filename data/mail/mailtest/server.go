// Package mailtest is a real SMTP server (emersion/go-smtp) for tests, in the test's own process
// on a loopback port: it keeps what it receives, can offer STARTTLS or TLS and sign-in, refuse
// recipients, and disappear on demand.
package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Options choose how the server behaves.
type Options struct {
	StartTLS bool   // offer STARTTLS (and require it before sign-in)
	TLS      bool   // TLS from the first byte
	User     string // require sign-in with User and Password
	Password string
	// Refuse, when not nil, may refuse a recipient with an SMTP error.
	Refuse func(to string) error
	// OnMessage, when not nil, runs after each message is kept and before the server replies.
	OnMessage func(n int)
	Addr      string // listen here ("" for an ephemeral loopback port)
}

// Message is one message as received.
type Message struct {
	From string
	To   []string
	Data []byte
	User string // who signed in
	TLS  bool   // whether the connection was encrypted
}

// Server is a running test server.
type Server struct {
	Host   string
	Port   int
	Roots  *x509.CertPool // trusts the server's certificate
	srv    *smtp.Server
	l      net.Listener
	opts   Options
	mu     sync.Mutex
	got    []Message
	closed bool
}

// Start starts a server; the test's cleanup stops it.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	s := &Server{opts: opts}
	cert, roots := selfSigned(t)
	s.Roots = roots
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.MaxMessageBytes = 20 << 20
	tc := &tls.Config{Certificates: []tls.Certificate{cert}}
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case opts.TLS:
		l = tls.NewListener(l, tc)
	case opts.StartTLS:
		srv.TLSConfig = tc
	default:
		srv.AllowInsecureAuth = true
	}
	s.srv, s.l = srv, l
	host, port, _ := net.SplitHostPort(l.Addr().String())
	s.Host = host
	s.Port, _ = strconv.Atoi(port)
	go srv.Serve(l)
	t.Cleanup(s.Stop)
	return s
}

// Addr is "host:port".
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Stop closes the listener and every connection at once: the server disappears.
func (s *Server) Stop() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.mu.Unlock()
	s.l.Close()
	s.srv.Close()
}

// Messages are what the server kept, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.got...)
}

// NewSession implements smtp.Backend.
func (s *Server) NewSession(c *smtp.Conn) (smtp.Session, error) { return &session{s: s, c: c}, nil }

type session struct {
	s    *Server
	c    *smtp.Conn
	user string
	msg  Message
}

var errAuthFirst = &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}

func (x *session) AuthMechanisms() []string {
	if x.s.opts.User == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != x.s.opts.User || password != x.s.opts.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		x.user = username
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.s.opts.User != "" && x.user == "" {
		return errAuthFirst
	}
	_, isTLS := x.c.TLSConnectionState()
	x.msg = Message{From: from, User: x.user, TLS: isTLS}
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if x.s.opts.Refuse != nil {
		if err := x.s.opts.Refuse(to); err != nil {
			return err
		}
	}
	x.msg.To = append(x.msg.To, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.msg.Data = b
	x.s.mu.Lock()
	x.s.got = append(x.s.got, x.msg)
	n := len(x.s.got)
	x.s.mu.Unlock()
	if x.s.opts.OnMessage != nil {
		x.s.opts.OnMessage(n)
	}
	return nil
}

func (x *session) Reset()        { x.msg = Message{} }
func (x *session) Logout() error { return nil }

// Refusal is a permanent refusal of a recipient, as a real server words it.
func Refusal(to string) error {
	return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "<" + to + ">: Recipient address rejected: User unknown"}
}

func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(c)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: c}, pool
}

var _ smtp.AuthSession = (*session)(nil)
