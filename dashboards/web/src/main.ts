import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router, startSession } from './router';
import './styles.css';

// The session's and the first view's requests leave before the shell mounts, not after (decision 0047).
void startSession(router.resolve(`${location.pathname}${location.search}${location.hash}`));
createApp(App).use(router).use(i18n).mount('#app');
