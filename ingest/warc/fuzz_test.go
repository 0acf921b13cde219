package warc_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/crosscheck/crosscheck/ingest/warc"
)

// FuzzReader feeds arbitrary bytes to the Reader: it must not panic, must
// end with io.EOF or an error, must respect the block limit, and must keep
// returning its error.
func FuzzReader(f *testing.F) {
	plain, ends := writeSamples(f, false)
	gz, gzEnds := writeSamples(f, true)
	f.Add(plain)
	f.Add(gz)
	f.Add(plain[:ends[2]-7])
	f.Add(gz[:gzEnds[1]+20])
	f.Add([]byte("WARC/1.0\nContent-Length: 3\n X: y\n\nabc\n\nWARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("\r\n\r\nWARC/1.1\r\nWARC-Target-URI: <>\r\nContent-Length: 0\r\n\r\n\r\n\r\ngarbage"))
	const limit = 1 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := warc.NewReader(bytes.NewReader(data), warc.WithMaxBlockSize(limit))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			rec, err := r.Next()
			if err != nil {
				if err != io.EOF {
					var re *warc.RecordError
					if !errors.As(err, &re) || re.Record != i+1 {
						t.Fatalf("error %v is not a RecordError for record %d", err, i+1)
					}
				}
				if _, again := r.Next(); again != err {
					t.Fatalf("Next after %v returned %v", err, again)
				}
				return
			}
			if len(rec.Block) > limit {
				t.Fatalf("block of %d bytes passed limit %d", len(rec.Block), limit)
			}
			if rec.Offset < 0 {
				t.Fatalf("negative offset %d", rec.Offset)
			}
			rec.Type()
			rec.TargetURI()
			rec.Date()
			warc.HTTPResponse(rec, limit)
		}
	})
}

// FuzzHTTPResponse parses arbitrary bytes as the block of a response
// record: no panic, and a decoded body never exceeds the limit.
func FuzzHTTPResponse(f *testing.F) {
	plain, _ := writeSamples(f, false)
	recs, _ := readAll(f, plain)
	for _, rec := range recs {
		if rec.Type() == "response" {
			f.Add(rec.Block, false)
		}
	}
	f.Add([]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n5\r\n\x1f\x8b\x08\x00\x00\r\n0\r\n\r\n"), true)
	f.Add([]byte("HTTP/2 200\nContent-Encoding: deflate, gzip\n\nxx"), false)
	f.Add([]byte("HTTP/1.0 200 OK\r\nContent-Encoding: deflate\r\n\r\nx\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15"), false)
	const limit = 64 << 10
	f.Fuzz(func(t *testing.T, block []byte, truncated bool) {
		rec := responseRecord(string(block))
		if truncated {
			rec.Header.Set("WARC-Truncated", "length")
		}
		resp, err := warc.HTTPResponse(rec, limit)
		if err != nil {
			return
		}
		if len(resp.Body) > limit {
			t.Fatalf("body of %d bytes passed limit %d", len(resp.Body), limit)
		}
		if resp.Status < 100 || resp.Status > 999 {
			t.Fatalf("status %d", resp.Status)
		}
	})
}
