# shellcheck shell=bash
# nginx for the gateway benchmarks (sourced by run and bare-vertx): the tiny upstream (one worker, a fixed
# 41-byte JSON body, and DIR/jwks.json at /.well-known/jwks.json) and nginx as the reverse proxy to compare
# with. Both write their pid files to DIR (upstream.pid, proxy.pid); the caller stops them.
NGINX=/usr/sbin/nginx

# start_nginx DIR UPSTREAM_PORT PROXY_PORT
start_nginx() {
  local WORK=$1 UPSTREAM_PORT=$2 NGINX_PORT=$3
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
  cat >"$WORK/proxy.conf" <<EOF
worker_processes auto;
pid $WORK/proxy.pid;
error_log $WORK/proxy-error.log warn;
$common
  upstream service { server 127.0.0.1:$UPSTREAM_PORT; keepalive 256; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
    }
  }
}
EOF
  "$NGINX" -c "$WORK/upstream.conf" -p "$WORK"
  "$NGINX" -c "$WORK/proxy.conf" -p "$WORK"
}
