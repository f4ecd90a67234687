// Package slacktest holds what tests and load generators need to play
// Slack: the request signature.
package slacktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Sign returns the X-Slack-Signature Slack sends for body at timestamp ts
// (Unix seconds): v0, HMAC-SHA256 over "v0:ts:body".
func Sign(secret string, ts int64, body []byte) string {
	return SignV0(secret, strconv.FormatInt(ts, 10), body)
}

// SignV0 is Sign with the timestamp as Slack sends it in the header.
func SignV0(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return "v0=" + hex.EncodeToString(m.Sum(nil))
}
