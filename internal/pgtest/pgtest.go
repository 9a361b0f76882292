// Package pgtest gives tests a fresh PostgreSQL database on the server that
// KG_TEST_POSTGRES names (scripts/test.sh starts a throw-away one and sets
// it). Without KG_TEST_POSTGRES tests skip, unless KG_REQUIRE_TOOLS=1 (set
// by scripts/test.sh), when they fail.
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	_ "github.com/lib/pq" // the "postgres" driver
)

// Env is the variable holding the server's address, as
// postgres://USER@127.0.0.1:PORT/DATABASE?sslmode=disable.
const Env = "KG_TEST_POSTGRES"

var made atomic.Int64

// Database creates an empty database on the test server and returns its
// address; the database is dropped when the test ends, after the test's
// own cleanups (register closing stores with t.Cleanup after calling
// Database). Each call makes a new one, so a test run more than once, or
// tests run in parallel, never see each other's graphs.
func Database(t testing.TB) string {
	t.Helper()
	addr := os.Getenv(Env)
	if addr == "" {
		if os.Getenv("KG_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is not set: run scripts/test.sh, which starts a PostgreSQL server for the tests", Env)
		}
		t.Skipf("%s is not set (scripts/test.sh starts a PostgreSQL server and sets it)", Env)
	}
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatalf("%s: not an address: %v", Env, err)
	}
	admin, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("kgtest_%d_%d", os.Getpid(), made.Add(1))
	if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name); err != nil {
		admin.Close()
		t.Fatalf("%s: %v", u.Redacted(), err)
	}
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		admin.Close()
		t.Fatalf("%s: cannot create a test database: %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		// FORCE ends connections a failed test left open (PostgreSQL 13+).
		if _, err := admin.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`); err != nil {
			t.Errorf("dropping test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
