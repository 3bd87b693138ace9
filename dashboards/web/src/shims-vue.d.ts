// tsc type-checks the .ts modules; single-file components are compiled by @vitejs/plugin-vue.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
