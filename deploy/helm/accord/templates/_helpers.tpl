{{/* Common names, labels and the per-component settings (defaults merged with the component's own). */}}

{{- define "accord.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "accord.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "accord.labels" -}}
{{ include "accord.selectorLabels" . }}
app.kubernetes.io/part-of: accord
app.kubernetes.io/component: {{ .component.role | default "service" }}
app.kubernetes.io/version: {{ include "accord.tag" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* A component's settings: `defaults` deep-merged with the component's own keys. Returns YAML. */}}
{{- define "accord.component" -}}
{{- $merged := mustMergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .component) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* A component's role: gateway, portal or (the default) service. */}}
{{- define "accord.role" -}}
{{- .role | default "service" -}}
{{- end -}}

{{- define "accord.tag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{- define "accord.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry (required (printf "components.%s.image is required (the Maven module)" .name) .component.image) (include "accord.tag" .root) -}}
{{- end -}}

{{/* An env entry from an existing Secret; fails rendering when the reference is missing. */}}
{{- define "accord.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s is required: the name of an existing Secret holding %s (secrets are never chart values; see deploy/helm/examples/dev-secrets.yaml)" .path .what) .secret }}
      key: {{ .key }}
{{- end -}}

{{- define "accord.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.create -}}
{{ include "accord.fullname" . }}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* A duration like 30m, 1h or 90s (Spring's simple form) in seconds. */}}
{{- define "accord.seconds" -}}
{{- $d := toString . -}}
{{- if hasSuffix "h" $d -}}{{ mul (trimSuffix "h" $d | int) 3600 }}
{{- else if hasSuffix "m" $d -}}{{ mul (trimSuffix "m" $d | int) 60 }}
{{- else if hasSuffix "s" $d -}}{{ trimSuffix "s" $d | int }}
{{- else -}}{{ fail (printf "a duration like 30m, 1h or 90s expected, not %s" $d) }}
{{- end -}}
{{- end -}}
