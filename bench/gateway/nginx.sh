# shellcheck shell=bash
# nginx for the gateway benchmarks (sourced by run and bare-vertx): the tiny upstream (one worker, a fixed
# 41-byte JSON body, and DIR/jwks.json at /.well-known/jwks.json) and nginx as the reverse proxy to compare
# with; optionally a second nginx proxy that also does the header work the gateway does on every request
# (an X-Request-Id up and down, the security headers down), to tell that work's cost from the JVM's. Each
# writes its pid file to DIR (upstream.pid, proxy.pid, proxy-headers.pid); the caller stops them.
NGINX=/usr/sbin/nginx

# start_nginx DIR UPSTREAM_PORT PROXY_PORT [HEADERS_PROXY_PORT]
start_nginx() {
  local WORK=$1 UPSTREAM_PORT=$2 NGINX_PORT=$3 HEADERS_PORT=${4:-}
  mkdir -p "$WORK/nginx-tmp"
  # What both configurations share: no access log, temporary files under DIR, long keep-alive.
  local common
  common="events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-tmp; proxy_temp_path $WORK/nginx-tmp; fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp; scgi_temp_path $WORK/nginx-tmp;
  keepalive_requests 1000000;"
  cat >"$WORK/upstream.conf" <<EOF
worker_processes 1;
pid $WORK/upstream.pid;
error_log $WORK/upstream-error.log warn;
$common
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location = /.well-known/jwks.json { default_type application/json; alias $WORK/jwks.json; }
    location / { default_type application/json; return 200 '{"id":1,"name":"Rex","breed":"Malinois"}'; }
  }
}
EOF
  # proxy_config NAME PORT EXTRA: a reverse proxy to the upstream, forwarding the X-Forwarded-* headers as the gateway does
  proxy_config() {
    cat >"$WORK/$1.conf" <<EOF
worker_processes auto;
pid $WORK/$1.pid;
error_log $WORK/$1-error.log warn;
$common
  upstream service { server 127.0.0.1:$UPSTREAM_PORT; keepalive 256; }
  server {
    listen 127.0.0.1:$2;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;$3
    }
  }
}
EOF
  }
  proxy_config proxy "$NGINX_PORT" ""
  "$NGINX" -c "$WORK/upstream.conf" -p "$WORK"
  "$NGINX" -c "$WORK/proxy.conf" -p "$WORK"
  if [[ -n $HEADERS_PORT ]]; then
    # The gateway's default security headers (GatewayConfig), and a request id both ways.
    proxy_config proxy-headers "$HEADERS_PORT" "
      proxy_set_header X-Request-Id \$request_id;
      add_header X-Request-Id \$request_id always;
      add_header Content-Security-Policy \"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'\" always;
      add_header X-Frame-Options DENY always;
      add_header X-Content-Type-Options nosniff always;
      add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;
      add_header Referrer-Policy no-referrer always;"
    "$NGINX" -c "$WORK/proxy-headers.conf" -p "$WORK"
  fi
}
