export { NotFound as NotFoundRoute } from '../components/NotFound';
