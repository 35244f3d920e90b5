// Every page of the web app. Layouts: tab pages (with the bottom bar), sub-pages, and the
// RequireMember guard that sends visitors to /login?next=… and back.
import { createBrowserRouter } from 'react-router';
import { RequireMember } from '../features/accounts/components/require-member.tsx';
import LoginPage from './auth/login.tsx';
import RegisterPage from './auth/register.tsx';
import HomePage from './home/index.tsx';
import { RootLayout, SubLayout, TabLayout } from './layouts.tsx';
import EditProfilePage from './me/edit.tsx';
import MePage from './me/index.tsx';
import VerificationPage from './me/verification.tsx';
import NotFoundPage from './not-found.tsx';
import PublicProfilePage from './users/profile.tsx';

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      {
        element: <TabLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { element: <RequireMember />, children: [{ path: 'me', element: <MePage /> }] },
        ],
      },
      {
        element: <SubLayout />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'u/:id', element: <PublicProfilePage /> },
          {
            element: <RequireMember />,
            children: [
              { path: 'me/edit', element: <EditProfilePage /> },
              { path: 'me/verification', element: <VerificationPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
