{{/*
The URL of a service the gateway routes to: upstreams.<service> when set, else this release's
Service of that name (http://<release>-<service>:8080). Argument: (list . "<service>").
*/}}
{{- define "gateway.upstream" -}}
{{- $context := index . 0 -}}
{{- $service := index . 1 -}}
{{- $configured := index $context.Values.upstreams $service | default "" -}}
{{- if $configured -}}
{{- $configured -}}
{{- else -}}
{{- printf "http://%s-%s:8080" $context.Release.Name $service -}}
{{- end -}}
{{- end -}}

{{/*
Where the Secret of upstreamTrust is mounted; the file is its key under this directory.
*/}}
{{- define "gateway.upstreamTrustDirectory" -}}
/etc/customk9/upstream-trust
{{- end -}}
