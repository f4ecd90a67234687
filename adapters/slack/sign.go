package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// signV0 is Slack's v0 request signature: HMAC-SHA256 over "v0:ts:body".
func signV0(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return "v0=" + hex.EncodeToString(m.Sum(nil))
}
